import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { canChangeSettings } from '../../api/auth-api';
import { useSession } from '../../session/session-context';
import { ApiTokensPanel } from './api-tokens-panel';
import { CatalogsPanel } from './catalogs-panel';
import { StaffUsersPanel } from './staff-users-panel';
import { StudioSettingsPanel } from './studio-settings-panel';
import { TemplatesPanel } from './templates-panel';

const TABS = ['studio', 'templates', 'catalogs', 'staff', 'tokens'] as const;
type Tab = (typeof TABS)[number];

/**
 * Setup: the studio's settings, templates, catalogs, staff users and API tokens; the tab is in the
 * address.
 */
export function SetupScreen() {
  const { caller } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'studio';
  const admin = canChangeSettings(caller.role);
  return (
    <Stack>
      <Title order={1}>Setup</Title>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'studio' ? { tab: value } : {})}>
        <Tabs.List>
          <Tabs.Tab value="studio">Studio settings</Tabs.Tab>
          <Tabs.Tab value="templates">Templates</Tabs.Tab>
          <Tabs.Tab value="catalogs">Catalogs</Tabs.Tab>
          {admin && <Tabs.Tab value="staff">Staff users</Tabs.Tab>}
          {admin && <Tabs.Tab value="tokens">API tokens</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="studio" pt="md">
          {tab === 'studio' && <StudioSettingsPanel />}
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          {tab === 'templates' && <TemplatesPanel canChange={admin} />}
        </Tabs.Panel>
        <Tabs.Panel value="catalogs" pt="md">
          {tab === 'catalogs' && <CatalogsPanel canChange={admin} />}
        </Tabs.Panel>
        {admin && (
          <Tabs.Panel value="staff" pt="md">
            {tab === 'staff' && <StaffUsersPanel />}
          </Tabs.Panel>
        )}
        {admin && (
          <Tabs.Panel value="tokens" pt="md">
            {tab === 'tokens' && <ApiTokensPanel />}
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
