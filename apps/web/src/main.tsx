import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { App } from './App';
import { createQueryClient } from './api/query-client';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <AntdApp>
        <App />
      </AntdApp>
    </QueryClientProvider>
  </StrictMode>,
);
