import { Table } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  getMarketingFlags,
  listConsentEvents,
  type ConsentEvent,
  type MarketingFlags as Flags,
} from '../../../api/record-history-api';
import { listStaff } from '../../../api/users-api';
import { formatInstant } from '../../../format/format-instant';
import { useSession } from '../../../session/session-context';
import { HistorySection } from './history-section';
import { channelLabel, words } from './history-words';
import { MarketingFlags } from './marketing-flags';

interface Loaded {
  events: readonly ConsentEvent[];
  flags: Flags;
  staff: ReadonlyMap<number, string>;
}

/**
 * A client's consent ledger: every opt-in and opt-out of marketing per channel, where it came from
 * and who made it, newest first, under the flags as they stand now.
 */
export function ConsentHistory({ clientId }: { clientId: number }) {
  const { api, studio } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoaded(null);
    setError(null);
    // Names of who made a change are a courtesy: without the staff list, ids are shown.
    const staff = listStaff(api).then(
      (page) => new Map(page.data.map((m) => [m.id, m.name])),
      () => new Map<number, string>(),
    );
    Promise.all([listConsentEvents(api, clientId), getMarketingFlags(api, clientId), staff]).then(
      ([events, flags, names]) => current && setLoaded({ events: events.data, flags, staff: names }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [api, clientId]);

  const zone = studio.time_zone;
  const who = (e: ConsentEvent) =>
    e.user_id === null ? '' : (loaded?.staff.get(e.user_id) ?? `Staff user #${e.user_id}`);
  return (
    <HistorySection
      title="Consent"
      count={loaded ? loaded.events.length : null}
      error={error}
      empty={
        <>
          {loaded && <MarketingFlags flags={loaded.flags} />}
          No change of consent yet. Each opt-in or opt-out (by staff, a web form, an SMS reply STOP or an
          unsubscribe link) will be listed here with its source.
        </>
      }
    >
      {loaded && <MarketingFlags flags={loaded.flags} />}
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="xs" aria-label="Consent changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When ({zone})</Table.Th>
              <Table.Th scope="col">Channel</Table.Th>
              <Table.Th scope="col">Change</Table.Th>
              <Table.Th scope="col">Source</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loaded?.events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatInstant(e.at, zone)}</Table.Td>
                <Table.Td>
                  {channelLabel(e.channel)}
                  {e.address ? ` (${e.address})` : ''}
                </Table.Td>
                <Table.Td>{e.action === 'opt_in' ? 'Opted in' : 'Opted out'}</Table.Td>
                <Table.Td>{words(e.source)}</Table.Td>
                <Table.Td>{who(e)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </HistorySection>
  );
}
