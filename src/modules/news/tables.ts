// Tables owned by the news module: articles and stories with their revisions, images, subscribers
// with their consent records, newsletter editions with their deliveries, bounces and settings.
// Timestamps are ISO-8601 UTC text, dates 'YYYY-MM-DD', booleans 0/1, lists space-separated text,
// structured values JSON text (docs/adr/0002).
import type { Generated } from 'kysely';

export const ARTICLE_KINDS = ['article', 'story'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
export const ARTICLE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const TAGS = ['network', 'survey', 'events', 'academy', 'policy'] as const;
export type Tag = (typeof TAGS)[number];
export const TOPICS = ['all', 'municipalities', 'care'] as const;
export type Topic = (typeof TOPICS)[number];
export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export interface NewsArticlesTable {
  id: Generated<number>;
  slug: string;
  kind: ArticleKind;
  title: string;
  summary: string;
  body_md: string;
  /** The sanitised HTML of body_md, rendered when saved (markdown.logic.ts). */
  body_html: string;
  /** Space-separated tags from TAGS. */
  tags: string;
  author_name: string;
  /** When it becomes visible; a published article with a future publish_at is scheduled. */
  publish_at: string | null;
  status: ArticleStatus;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  /** Stories only. The platform keeps nothing about the person behind a story. */
  pseudonym: string | null;
  content_note: string | null;
  consent_confirmed_by: number | null;
  consent_confirmed_at: string | null;
  /** JSON: the live-data blocks frozen when the article was published (embeds.ts). */
  embeds_json: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface NewsArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  title: string;
  summary: string;
  body_md: string;
  status: ArticleStatus;
  edited_by: number | null;
  edited_by_label: string;
  at: string;
}

export interface NewsImagesTable {
  id: Generated<number>;
  /** sha256 of the uploaded bytes: the same upload twice is one image. */
  sha256: string;
  width: number;
  height: number;
  uploaded_by: number | null;
  created_at: string;
}

export interface NewsImageVariantsTable {
  image_id: number;
  width: number;
  format: 'webp' | 'jpeg';
  bytes: Buffer;
}

export interface NewsSubscribersTable {
  id: Generated<number>;
  /** Lower case; unique. */
  email: string;
  name: string | null;
  organisation: string | null;
  municipality_code: string | null;
  province_code: string | null;
  /** Space-separated topics from TOPICS. */
  topics: string;
  status: SubscriberStatus;
  source: 'web' | 'api' | 'import';
  /** Part of every personal link; raised to invalidate all earlier links. */
  token_version: number;
  soft_bounces: number;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  unsubscribed_edition_id: number | null;
  bounced_at: string | null;
  updated_at: string;
}

export interface NewsConsentsTable {
  id: Generated<number>;
  subscriber_id: number;
  at: string;
  action: 'sign-up' | 'confirm' | 'change' | 'unsubscribe' | 'import' | 'bounce';
  method: 'web-form' | 'api' | 'import' | 'email-link' | 'one-click' | 'staff' | 'mail-provider';
  /** The consent text the person saw, and its version. */
  text_version: string;
  text: string;
  topics: string;
}

export interface NewsSignupAttemptsTable {
  id: Generated<number>;
  /** sha256 of the lower-case email: the limit needs no readable address. */
  email_hash: string;
  at: string;
}

export interface NewsEditionsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** The month it belongs to, as its first day (YYYY-MM-01). */
  issue_date: string;
  intro_md: string;
  intro_html: string;
  status: 'draft' | 'sending' | 'sent';
  /** JSON Segment (news.logic.ts). */
  segment_json: string;
  rate_per_minute: number;
  send_started_at: string | null;
  send_finished_at: string | null;
  /** The highest subscriber id queued so far (the send resumes after it). */
  send_cursor: number;
  recipients: number;
  /** JSON array of link targets, for click counts when tracking is on. */
  links_json: string;
  created_at: string;
  updated_at: string;
}

export interface NewsEditionArticlesTable {
  edition_id: number;
  article_id: number;
  position: number;
}

export interface NewsDeliveriesTable {
  id: Generated<number>;
  edition_id: number;
  /** Null once the subscriber is erased (the count stays). */
  subscriber_id: number | null;
  outbox_id: number;
  /** Random; identifies the delivery in tracking links and bounce reports. */
  token: string;
  queued_at: string;
  bounce_kind: 'hard' | 'soft' | 'complaint' | null;
  bounced_at: string | null;
  opened_at: string | null;
  clicked_at: string | null;
}

export interface NewsBouncesTable {
  id: Generated<number>;
  subscriber_id: number | null;
  delivery_id: number | null;
  kind: 'hard' | 'soft' | 'complaint';
  source: 'webhook' | 'dsn';
  status_code: string | null;
  at: string;
}

/** A message read from the bounce mailbox, by its SHA-256: each is applied once. */
export interface NewsBounceMessagesTable {
  sha256: string;
  source: 'maildir' | 'dsn';
  reports: number;
  recorded: number;
  at: string;
}

export interface NewsSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface NewsTables {
  news_articles: NewsArticlesTable;
  news_article_revisions: NewsArticleRevisionsTable;
  news_images: NewsImagesTable;
  news_image_variants: NewsImageVariantsTable;
  news_subscribers: NewsSubscribersTable;
  news_consents: NewsConsentsTable;
  news_signup_attempts: NewsSignupAttemptsTable;
  news_editions: NewsEditionsTable;
  news_edition_articles: NewsEditionArticlesTable;
  news_deliveries: NewsDeliveriesTable;
  news_bounces: NewsBouncesTable;
  news_bounce_messages: NewsBounceMessagesTable;
  news_settings: NewsSettingsTable;
}

declare module '../../db/types.ts' {
  interface Database extends NewsTables {}
}
