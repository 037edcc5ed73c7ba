// Whether the printed notice still matches the register. Generating a notice stores the hash of
// everything it printed; the notice is out of date when that hash differs from today's. Any change
// that would alter the notice (the profile, relationship kinds, data sources, custom fields,
// retention policies, the bookkeeping period, a table starting to hold data) is caught without
// those services having to bump a counter or stamp a time, and a change undone is no change.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../db/schema';
import { itemsLeft, readChecklist, type Checklist } from '../presets';
import type { UnlockedRegister } from '../register';
import { registerProfileChangedAt } from '../settings';
import { noticeFingerprint, resolveNotice, type ResolvedNotice } from './facts';
import {
  SETUP_STEPS,
  STEP_GAPS,
  transferChoiceOf,
  type NoticeGap,
  type SetupStep,
} from '../../../src-shared/contract/notice-facts';

const GENERATED_KEY = 'noticeGenerated';
const generatedSchema = z.object({ at: z.string(), fingerprint: z.string() });

export interface NoticeStatus {
  /** When a notice was last written to a file; null when never. */
  generatedAt: string | null;
  /** True when never generated, or when the register has changed in a way the notice would show. */
  outOfDate: boolean;
  /** When the register profile was last saved; null when never. */
  profileChangedAt: string | null;
  gaps: NoticeGap[];
  /** The applied template's checklist; null when the notice was set up without one. */
  checklist: Checklist | null;
  /** Nothing missing and every checklist item confirmed: only then is the notice hers to publish. */
  ready: boolean;
  /** The setup steps in order, each done or not. */
  steps: { step: SetupStep; done: boolean }[];
}

/**
 * Which setup steps are done: a step is done when the notice lacks nothing of its part; the data
 * and security steps also need something declared (a kind of data, a measure); the last step
 * needs the notice ready and its saved copy current.
 */
export function setupSteps(
  notice: ResolvedNotice,
  status: Pick<NoticeStatus, 'gaps' | 'ready' | 'outOfDate' | 'generatedAt'>,
): NoticeStatus['steps'] {
  const facts = notice.profile.notice;
  const extra = (step: SetupStep): boolean => {
    switch (step) {
      case 'data':
        return facts.dataCategories.length > 0;
      case 'security':
        return facts.security.measures.length > 0;
      case 'notice':
        return status.ready && !status.outOfDate && status.generatedAt !== null;
      default:
        return true;
    }
  };
  const done = (step: SetupStep) => extra(step) && STEP_GAPS[step].every((gap) => !status.gaps.includes(gap));
  return SETUP_STEPS.map((step) => ({ step, done: done(step) }));
}

function readGenerated(register: UnlockedRegister) {
  const row = register.db.select().from(settings).where(eq(settings.key, GENERATED_KEY)).get();
  if (!row) return null;
  const parsed = generatedSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function noticeGaps(notice: ResolvedNotice): NoticeGap[] {
  const { controller, contactPerson, purposes, notice: facts } = notice.profile;
  const both = (text: { fi: string; en: string }) => text.fi.trim() !== '' && text.en.trim() !== '';
  const gaps: NoticeGap[] = [];
  if (!controller.name.trim()) gaps.push('controller.name');
  if (![controller.email, controller.phone, contactPerson.email, contactPerson.phone].some((v) => v.trim())) {
    gaps.push('controller.contact');
  }
  if (!both(purposes)) gaps.push('purposes');
  const bases = facts.legalBases;
  if (!bases.legitimateInterest && !bases.contract && !bases.consent && !bases.legalObligation) gaps.push('legalBases');
  if (bases.legitimateInterest && !both(bases.balancingNote)) gaps.push('balancingNote');
  if (notice.retention.length === 0 && !both(facts.retention)) gaps.push('retention');
  const transfer = transferChoiceOf(facts);
  if (transfer === null) gaps.push('transfers');
  const outside = facts.processors.filter((p) => p.outsideEea);
  // A safeguard for each processor outside the EU/EEA, or (with none listed) in the transfers text.
  if (
    outside.some((p) => !both(p.safeguard)) ||
    (transfer === 'outsideEeaSafeguard' && outside.length === 0 && !both(facts.transfers))
  ) {
    gaps.push('transferSafeguard');
  }
  const partners = facts.processors.length > 0 || (transfer !== null && transfer !== 'notTransferred');
  if (facts.security.measures.includes('notInCloud') && partners) gaps.push('securityCloud');
  if (facts.cookies.used && !both(facts.cookies.text)) gaps.push('cookiesText');
  return gaps;
}

export function noticeStatus(register: UnlockedRegister): NoticeStatus {
  const notice = resolveNotice(register);
  const generated = readGenerated(register);
  const gaps = noticeGaps(notice);
  const checklist = readChecklist(register);
  const status = {
    generatedAt: generated?.at ?? null,
    outOfDate: generated === null || generated.fingerprint !== noticeFingerprint(notice),
    profileChangedAt: registerProfileChangedAt(register),
    gaps,
    checklist,
    ready: gaps.length === 0 && itemsLeft(checklist) === 0,
  };
  return { ...status, steps: setupSteps(notice, status) };
}

/**
 * Records that `notice` was written out, with its audit entry, inside the caller's transaction or
 * its own. Details are what was written, never who it was written for.
 */
export function markNoticeGenerated(
  register: UnlockedRegister,
  notice: ResolvedNotice,
  details: Record<string, string | number | boolean>,
): void {
  const at = register.deps.clock.now().toISOString();
  const value = JSON.stringify({ at, fingerprint: noticeFingerprint(notice) });
  register.transaction((db) => {
    db.insert(settings)
      .values({ key: GENERATED_KEY, value, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
      .run();
    register.audit({ action: 'notice.generated', targetType: 'notice', details });
  });
}
