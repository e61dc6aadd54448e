import type { ApiClient } from './api-client';

export type TemplateChannel = 'email' | 'sms' | 'letter';

/** A template as the API answers it. */
export interface Template {
  readonly id: number;
  readonly name: string;
  readonly channel: TemplateChannel;
  readonly basis: string;
  readonly subject: string | null;
  readonly body_html: string | null;
  readonly body_text: string | null;
  readonly is_inactive: boolean;
  readonly updated_at: string;
}

export interface TemplateDraft {
  name: string;
  channel: TemplateChannel;
  basis: string;
  subject: string | null;
  body_html: string | null;
  body_text: string | null;
  /** An inactive template stays on the triggers that use it but is not offered for new ones. */
  is_inactive: boolean;
}

const ALL = 500;

export const listTemplates = (api: ApiClient, channel: TemplateChannel) =>
  api.get<{ data: Template[]; next_cursor: string | null }>('/templates', { channel, limit: ALL });

export const createTemplate = (api: ApiClient, draft: TemplateDraft) =>
  api.post<Template>('/templates', draft);

/** The basis cannot change once a template exists, so it is not sent. */
export const updateTemplate = (api: ApiClient, id: number, { basis: _basis, ...draft }: TemplateDraft) =>
  api.patch<Template>(`/templates/${id}`, draft);

/** A template rendered against one record; lint and render problems come back beside what rendered. */
export interface TemplatePreview {
  readonly subject: string | null;
  readonly html: string | null;
  readonly text: string | null;
  readonly sms: { readonly characters: number; readonly segments: number; readonly encoding: string } | null;
  readonly problems: readonly { readonly path: string; readonly problem: string }[];
}

export const previewTemplate = (api: ApiClient, id: number, recordId: number) =>
  api.post<TemplatePreview>(`/templates/${id}/preview`, { record_id: recordId });

/** The API refuses (409) while a trigger uses the template, and says which. */
export const deleteTemplate = (api: ApiClient, id: number) => api.delete(`/templates/${id}`);
