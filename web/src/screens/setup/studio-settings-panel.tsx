import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { canChangeSettings } from '../../api/auth-api';
import { getStudioSettings, type StudioSettingsDetail } from '../../api/studio-settings-api';
import { useSession } from '../../session/session-context';
import { StudioSettingsForm } from './studio-settings-form';
import { ScreenLoader } from '../../shell/screen-loader';

/** Loads the studio's settings for the form. */
export function StudioSettingsPanel() {
  const { api, caller } = useSession();
  const [settings, setSettings] = useState<StudioSettingsDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getStudioSettings(api).then(setSettings, (failure: Error) => setError(failure.message));
  }, [api]);

  if (error)
    return (
      <Alert color="red" role="alert" title="The settings could not be loaded">
        {error}
      </Alert>
    );
  if (!settings) return <ScreenLoader label="Loading settings" />;
  return (
    <StudioSettingsForm
      settings={settings}
      canChange={canChangeSettings(caller.role)}
      onSaved={setSettings}
    />
  );
}
