import { AppShell, Burger, Group, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { MainNavigation } from './main-navigation';
import { SandboxBanner } from './sandbox-banner';
import { StudioSwitcher } from './studio-switcher';
import { UserMenu } from './user-menu';

/**
 * The frame of every signed-in screen: header (studio, user), navigation, and the sandbox banner
 * above the screen. Below the `md` breakpoint (a tablet held upright, 768 pixels wide) the navigation
 * folds behind a menu button so the screen's tables keep their width.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 200, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Title order={2} size="h4">
              Triggerfish
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <StudioSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <MainNavigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <SandboxBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
