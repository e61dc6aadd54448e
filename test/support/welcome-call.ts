/** Posts a body to the studio's API and answers the id of what it made (if it made one). */
type Post = (path: string, body: unknown) => Promise<number>;

/**
 * A welcome call to a new client, Ada Lovelace, put on the call list the real way: a phone call
 * trigger on new clients, the client added, and the trigger's item processed. `advance` moves the
 * sandbox's test clock a minute on (the trigger only sees clients made after it).
 */
export async function callAdaTheRealWay(post: Post, advance: () => Promise<unknown>) {
  const callType = await post('/types', { kind: 'phone_call', name: 'Courtesy call' });
  const trigger = await post('/triggers', {
    name: 'Welcome call',
    trigger_type: 'client_status',
    date_option: 'created',
    processing: 'manual',
    action: 'phone_call',
    action_settings: { call_type_id: callType, subject: 'Welcome {{ client.first_name }}' },
  });
  await advance();
  const clientId = await post('/clients', {
    first_name: 'Ada',
    last_name: 'Lovelace',
    phones: [{ number: '202-555-0101', label: 'mobile', sms_capable: true }],
  });
  await advance();
  await post('/queue/process', { trigger_id: trigger });
  return { clientId };
}
