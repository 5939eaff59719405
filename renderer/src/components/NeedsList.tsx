interface Props {
  /** Referenced by the disabled submit button's aria-describedby. */
  id: string;
  title: string;
  needs: readonly string[];
}

/** What is still missing before a form can be submitted. */
export function NeedsList({ id, title, needs }: Props) {
  if (needs.length === 0) return null;
  return (
    <div id={id} className="needs">
      <p>{title}</p>
      <ul>
        {needs.map((need) => (
          <li key={need}>{need}</li>
        ))}
      </ul>
    </div>
  );
}
