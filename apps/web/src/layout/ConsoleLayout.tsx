import { useState } from 'react';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Popconfirm, Space, Tag, Typography, message } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe, useSession } from '../auth/session';
import { errorText } from '../components/api-errors';
import { TONE } from '../components/tones';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { navigationFor } from './navigation';
import { useFocusableScrollRegions } from './useFocusableScrollRegions';

/** The frame: the role's menu (a drawer on a tablet in portrait), who is signed in, the language. */
export function ConsoleLayout() {
  const { t } = useI18n();
  const me = useMe();
  const { logout, logoutEverywhere } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useFocusableScrollRegions('main');
  const entries = navigationFor(me.role);
  // The page's own menu entry, if it has one (a duty opened from an e-mail has none).
  const selected = entries
    .filter((e) => (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={entries.map((e) => ({ key: e.path, icon: e.icon, label: <span data-path={e.path}>{t(e.label)}</span> }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
    />
  );

  return (
    <Layout className="console">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {!narrow && (
        <Layout.Sider width={208} theme="light" className="console-sider">
          <nav aria-label={t('app.name')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="console-header">
          <Space>
            {narrow && (
              <Button aria-label="menu" onClick={() => setDrawerOpen(true)}>
                ☰
              </Button>
            )}
            <Typography.Text strong className="console-brand">
              {t('app.name')} · {t('app.title')}
            </Typography.Text>
          </Space>
          <Space wrap className="console-user">
            <UserOutlined aria-hidden />
            <span data-testid="who-am-i">{me.displayName}</span>
            <Tag color={TONE.brand}>{t(`role.${me.role}`)}</Tag>
            {me.department && <span data-testid="my-unit">{me.department.name}</span>}
            <LanguageSwitch />
            <Button icon={<KeyOutlined />} onClick={() => void navigate('/password')} data-testid="change-password">
              {t('password.title')}
            </Button>
            <Button
              icon={<LogoutOutlined />}
              data-testid="logout"
              onClick={() => {
                void logout().then(() => navigate('/login'));
              }}
            >
              {t('logout')}
            </Button>
            <Popconfirm
              title={t('logoutEverywhere.confirmTitle')}
              description={t('logoutEverywhere.confirm')}
              okText={t('logoutEverywhere')}
              okButtonProps={{ 'data-testid': 'logout-everywhere-confirm' }}
              cancelText={t('action.cancel')}
              onConfirm={async () => {
                try {
                  await logoutEverywhere();
                  void message.success(t('logoutEverywhere.done'));
                  void navigate('/login');
                } catch (error) {
                  void message.error(errorText(error, t));
                }
              }}
            >
              <Button data-testid="logout-everywhere">{t('logoutEverywhere')}</Button>
            </Popconfirm>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" className="console-content" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
      <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={240} title={t('app.name')}>
        <nav aria-label={t('app.name')}>{menu}</nav>
      </Drawer>
    </Layout>
  );
}
