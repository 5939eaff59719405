import type { Fingerprint } from '../../../core/api/sync';

/** The blank border a scanner needs around a QR code, in modules (the standard's minimum). */
const QUIET_ZONE = 4;
/** Screen pixels per module: large enough for a phone camera across a table. */
const MODULE_PX = 6;

interface Props {
  qr: Fingerprint['qr'];
  label: string;
}

/**
 * The fingerprint's QR code drawn from the engine's modules: one path of dark squares on a white
 * square, sized by attributes because the content security policy allows no inline style.
 */
export function QrCode({ qr, label }: Props) {
  const side = qr.size + 2 * QUIET_ZONE;
  let path = '';
  qr.modules.forEach((dark, index) => {
    if (!dark) return;
    const x = (index % qr.size) + QUIET_ZONE;
    const y = Math.floor(index / qr.size) + QUIET_ZONE;
    path += `M${x} ${y}h1v1h-1z`;
  });
  return (
    <svg
      data-testid="fingerprint-qr"
      className="fingerprint-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      width={side * MODULE_PX}
      height={side * MODULE_PX}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
