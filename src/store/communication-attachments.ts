import type { AttachmentKind } from '../domain/triggers/attachment-kinds.js';
import { notFound } from '../domain/errors.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';

/** A file made for an email, stored with its communication and sent as it is on every attempt. */
export interface AttachmentFile {
  readonly kind: AttachmentKind;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** An attachment as lists show it: what it is, without its bytes, and where to download it. */
export interface AttachmentSummary {
  readonly id: number;
  readonly kind: string;
  readonly filename: string;
  readonly content_type: string;
  readonly byte_size: number;
  readonly url: string;
}

export interface StoredAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** Keeps the files of a communication, inside the transaction that writes it. */
export async function insertAttachments(
  trx: Db,
  studioId: number,
  communicationId: number,
  files: readonly AttachmentFile[],
  at: string,
): Promise<void> {
  if (files.length === 0) return;
  await loose(trx)
    .insertInto('communication_attachments')
    .values(
      files.map((file) => ({
        studio_id: studioId,
        communication_id: communicationId,
        kind: file.kind,
        filename: file.filename,
        content_type: file.contentType,
        byte_size: file.content.length,
        content: file.content,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/** The attachments of a page of communications, without their bytes, by communication. */
export async function attachmentSummaries(
  db: Db,
  studioId: number,
  communicationIds: readonly number[],
): Promise<Map<number, AttachmentSummary[]>> {
  const columns = ['id', 'communication_id', 'kind', 'filename', 'content_type', 'byte_size'];
  return byCommunication(await attachmentRows(db, studioId, communicationIds, columns), (row) => ({
    id: Number(row.id),
    kind: String(row.kind),
    filename: String(row.filename),
    content_type: String(row.content_type),
    byte_size: Number(row.byte_size),
    url: `/api/v1/communications/${Number(row.communication_id)}/attachments/${Number(row.id)}`,
  }));
}

/** The files of claimed deliveries' communications, with their bytes, for the channels to send. */
export async function attachmentFilesOf(
  db: Db,
  studioId: number,
  communicationIds: readonly number[],
): Promise<Map<number, StoredAttachment[]>> {
  const columns = ['communication_id', 'filename', 'content_type', 'content'];
  return byCommunication(await attachmentRows(db, studioId, communicationIds, columns), storedAttachmentOf);
}

async function attachmentRows(
  db: Db,
  studioId: number,
  communicationIds: readonly number[],
  columns: string[],
): Promise<LooseRow[]> {
  if (communicationIds.length === 0) return [];
  return (await loose(db)
    .selectFrom('communication_attachments')
    .select(columns)
    .where('studio_id', '=', studioId)
    .where('communication_id', 'in', [...communicationIds])
    .orderBy('id')
    .execute()) as LooseRow[];
}

function byCommunication<T>(rows: readonly LooseRow[], map: (row: LooseRow) => T): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const id = Number(row.communication_id);
    grouped.set(id, [...(grouped.get(id) ?? []), map(row)]);
  }
  return grouped;
}

/** One attachment of one of the studio's communications; another studio's reads as missing. */
export async function getAttachment(
  db: Db,
  studioId: number,
  communicationId: number,
  attachmentId: number,
): Promise<StoredAttachment> {
  const row = (await loose(db)
    .selectFrom('communication_attachments')
    .select(['filename', 'content_type', 'content'])
    .where('studio_id', '=', studioId)
    .where('communication_id', '=', communicationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!row) throw notFound('Attachment', attachmentId);
  return storedAttachmentOf(row);
}

function storedAttachmentOf(row: LooseRow): StoredAttachment {
  return {
    filename: String(row.filename),
    contentType: String(row.content_type),
    // better-sqlite3 and pg both answer a Buffer; a plain Uint8Array is wrapped, not copied.
    content: Buffer.isBuffer(row.content) ? row.content : bufferOf(row.content as unknown as Uint8Array),
  };
}

const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
