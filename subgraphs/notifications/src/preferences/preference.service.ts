import { DomainError, ErrorCode, isAdmin, requireViewer, type Viewer } from '@techally/platform';
import { parsePushSubscription, type PushSubscriptionFields } from '../push/push-subscription';
import type { PushSubscriptionRepository } from '../push/push-subscription.repository';
import {
  defaultChoice,
  NOTIFICATION_CATEGORIES,
  STAFF_CATEGORIES,
  TRANSACTIONAL_CATEGORIES,
  type ChannelChoice,
  type NotificationCategory,
} from './notification-category';
import type { PreferenceRepository, StoredChoices } from './preference.repository';
import { normalizeSmsNumber } from './sms-number';

/** Why ORDER_UPDATES email cannot be switched off: the read shows it, the refusal says it. */
export const TRANSACTIONAL_EMAIL_REASON = 'Receipts and order updates are always emailed: they are part of your purchase and cannot be switched off.';

export interface CategoryPreference extends ChannelChoice {
  readonly category: NotificationCategory;
  readonly emailLocked: boolean;
  readonly lockedReason: string | null;
}

export interface Preferences {
  readonly categories: readonly CategoryPreference[];
  readonly smsNumber: string | null;
  readonly pushSubscriptions: number;
}

/** One category's change: a channel left out keeps its current choice. */
export interface CategoryChange {
  readonly category: NotificationCategory;
  readonly email?: boolean | null;
  readonly sms?: boolean | null;
  readonly push?: boolean | null;
}

export interface PreferencesUpdate {
  readonly categories?: readonly CategoryChange[] | null;
  /** undefined: unchanged; null: cleared (SMS then goes nowhere). */
  readonly smsNumber?: string | null;
}

export interface PushSettings {
  /** The VAPID public key; null when this server sends no push (production without keys). */
  readonly publicKey: string | null;
  readonly requireHttps: boolean;
}

/**
 * A user's notification preferences and push subscriptions (README.md, *Preferences*). Only the user themself
 * reads or changes them: anonymous → UNAUTHENTICATED, anyone else (an administrator too) → FORBIDDEN. Every
 * change is checked whole before anything is written.
 */
export class PreferenceService {
  constructor(
    private readonly preferences: PreferenceRepository,
    private readonly subscriptions: PushSubscriptionRepository,
    private readonly viewer: Viewer | null,
    private readonly push: PushSettings,
  ) {}

  async of(userId: string): Promise<Preferences> {
    const viewer = requireViewer(this.viewer);
    if (viewer.userId !== userId) throw DomainError.forbidden('Notification preferences are seen by their owner only.');
    return this.read(viewer);
  }

  async update(update: PreferencesUpdate): Promise<Preferences> {
    const viewer = requireViewer(this.viewer);
    const changes = update.categories ?? [];
    const seen = new Set<NotificationCategory>();
    for (const change of changes) {
      if (seen.has(change.category)) throw DomainError.badUserInput(`"categories" names ${change.category} twice.`, 'categories');
      seen.add(change.category);
      if (STAFF_CATEGORIES.has(change.category) && !isAdmin(viewer)) {
        throw DomainError.forbidden(`${change.category} are for staff only: only an administrator chooses how they arrive.`);
      }
      if (TRANSACTIONAL_CATEGORIES.has(change.category) && change.email === false) {
        throw DomainError.badUserInput(`${TRANSACTIONAL_EMAIL_REASON} Email for ${change.category} stays on; SMS and push can be chosen.`, 'categories.email');
      }
    }
    const smsNumber =
      update.smsNumber === undefined ? undefined : update.smsNumber === null || update.smsNumber.trim() === '' ? null : normalizeSmsNumber(update.smsNumber);
    const stored = await this.preferences.choicesOf(viewer.userId);
    const merged = changes.map((change) => [change.category, merge(choiceOf(stored, change.category), change)] as const);
    if (merged.some(([, choice]) => choice.sms)) {
      const number = smsNumber === undefined ? await this.preferences.smsNumberOf(viewer.userId) : smsNumber;
      if (number === null) throw DomainError.badUserInput('SMS needs a number: set "smsNumber" (E.164, such as +4915112345678) with it.', 'smsNumber');
    }
    await this.preferences.save(viewer.userId, { choices: merged, ...(smsNumber !== undefined ? { smsNumber } : {}) });
    return this.read(viewer);
  }

  async registerPush(subscription: PushSubscriptionFields): Promise<Preferences> {
    const viewer = requireViewer(this.viewer);
    if (this.push.publicKey === null) {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'This server sends no push notifications (no VAPID keys are configured).');
    }
    await this.subscriptions.register(viewer.userId, parsePushSubscription(subscription, this.push));
    return this.read(viewer);
  }

  async unregisterPush(endpoint: string): Promise<Preferences> {
    const viewer = requireViewer(this.viewer);
    // Unknown or someone else's endpoint: nothing to do, and nothing to tell (whose it is is not the viewer's to learn).
    await this.subscriptions.unregister(viewer.userId, endpoint.trim());
    return this.read(viewer);
  }

  private async read(viewer: Viewer): Promise<Preferences> {
    const [stored, smsNumber, pushSubscriptions] = await Promise.all([
      this.preferences.choicesOf(viewer.userId),
      this.preferences.smsNumberOf(viewer.userId),
      this.subscriptions.countOf(viewer.userId),
    ]);
    const categories = NOTIFICATION_CATEGORIES.filter((category) => isAdmin(viewer) || !STAFF_CATEGORIES.has(category)).map(
      (category): CategoryPreference => {
        const locked = TRANSACTIONAL_CATEGORIES.has(category);
        return { category, ...choiceOf(stored, category), emailLocked: locked, lockedReason: locked ? TRANSACTIONAL_EMAIL_REASON : null };
      },
    );
    return { categories, smsNumber, pushSubscriptions };
  }
}

/** The stored choice, else the default; transactional email reads as on whatever was stored. */
export function choiceOf(stored: StoredChoices, category: NotificationCategory): ChannelChoice {
  const choice = stored.get(category) ?? defaultChoice(category);
  return TRANSACTIONAL_CATEGORIES.has(category) ? { ...choice, email: true } : choice;
}

function merge(current: ChannelChoice, change: CategoryChange): ChannelChoice {
  return {
    email: change.email ?? current.email,
    sms: change.sms ?? current.sms,
    push: change.push ?? current.push,
  };
}
