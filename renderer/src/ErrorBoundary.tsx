import { Component, type ReactNode } from 'react';
import i18n from './i18n';

interface Props {
  children: ReactNode;
}

/** The last line of defence: a render failure shows a plain sentence, never a stack trace. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="screen">
        <div className="card">
          <p role="alert" className="alert">
            {i18n.t('app.crashed')}
          </p>
        </div>
      </main>
    );
  }
}
