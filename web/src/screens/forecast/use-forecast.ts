import { useEffect, useState } from 'react';
import { getForecast, type Forecast } from '../../api/insight-api';
import { useSession } from '../../session/session-context';

/**
 * The forecast of the window (narrowed to a trigger or not), and the names of every active
 * trigger: read from the unfiltered answer, so the trigger picker keeps its choices and a trigger
 * keeps its colour when the screen is narrowed to it.
 */
export function useForecast(days: number, triggerId: number | undefined) {
  const { api } = useSession();
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setForecast(null);
    setError(null);
    getForecast(api, days, triggerId).then(
      (answer) => {
        if (!current) return;
        setForecast(answer);
        if (triggerId === undefined) setNames(new Map(answer.triggers.map((t) => [t.trigger_id, t.name])));
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, days, triggerId]);

  useEffect(() => {
    if (triggerId === undefined || names.size > 0) return;
    getForecast(api, days).then(
      (all) => setNames(new Map(all.triggers.map((t) => [t.trigger_id, t.name]))),
      () => undefined,
    );
  }, [api, days, triggerId, names.size]);

  return { forecast, names, error };
}
