import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

interface Props {
  title: string;
  retry: string;
  children: ReactNode;
}

/**
 * A page that fails to render says so and offers a reload, instead of leaving a blank screen;
 * the error goes to the console, where the end-to-end tests watch for it.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The console failed to render: ${error.message}`, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result status="error" title={this.props.title} subTitle={this.state.error.message} extra={<Button onClick={() => window.location.reload()}>{this.props.retry}</Button>} />
    );
  }
}
