import { Badge, NavLink } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useUnreadMessages } from './use-unread-messages';

/** The screens that exist; each new screen adds its entry here. */
const SCREENS = [
  { to: '/triggers', label: 'Triggers' },
  { to: '/queue', label: 'Process Triggers' },
  { to: '/forecast', label: 'Forecast' },
  { to: '/explain', label: 'Explain' },
  { to: '/deliveries', label: 'Deliveries' },
  { to: '/records', label: 'Records' },
  { to: '/messages', label: 'Messages' },
  { to: '/calls', label: 'Calls' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/print-batches', label: 'Print Batches' },
  { to: '/control-center', label: 'Control Center' },
  { to: '/setup', label: 'Setup' },
] as const;

export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const unread = useUnreadMessages(pathname);
  return (
    <nav aria-label="Screens">
      {SCREENS.map((screen) => (
        <NavLink
          key={screen.to}
          component={RouterLink}
          to={screen.to}
          label={screen.label}
          aria-label={screen.to === '/messages' && unread ? `Messages (${unread} unread)` : undefined}
          rightSection={
            screen.to === '/messages' && unread ? (
              <Badge size="sm" circle={unread < 10} aria-hidden>
                {unread}
              </Badge>
            ) : undefined
          }
          active={pathname.startsWith(screen.to)}
          onClick={onNavigate}
        />
      ))}
    </nav>
  );
}
