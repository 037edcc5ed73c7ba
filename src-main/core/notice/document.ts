// The privacy notice (tietosuojaseloste) as a document model, in the seeds' order of sections:
// controller, contact person, register name, purpose, legal basis, data content, sources,
// disclosures, transfers, processors, retention, security, the rights, and cookies when a website
// collects them. A pure function of the resolved notice, so what is printed is what was checked.
import type { Block, DocumentModel } from '../documents';
import { formatDate } from '../documents';
import { noticeText, sectionHeading } from './catalog';
import type { NoticeRetentionRule, ResolvedNotice } from './facts';
import { periodWords } from '../retention';
import { keepsBookkeeping } from './facts';
import {
  channelModesOf,
  LEGAL_BASES,
  MARKETING_CHANNELS,
  PAPER_MEASURES,
  SECURITY_MEASURES,
  transferChoiceOf,
  type MarketingChannelModes,
  type NoticeSection,
} from '../../../src-shared/contract/notice-facts';
import type { Language } from '../../../src-shared/language';

const joined = (parts: string[], separator = ' ') =>
  parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(separator);

/** Free text as paragraphs, split at blank lines; nothing for an empty text. */
export function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part): Block => ({ kind: 'paragraph', text: part }));
}

export const bullets = (items: string[]): Block => ({ kind: 'lines', lines: items.map((item) => `• ${item}`) });

/** Whom to ask: the contact person for register matters, else the controller. */
export function contactOf(notice: ResolvedNotice): string {
  const { contactPerson, controller } = notice.profile;
  const person = contactPerson.name.trim() ? contactPerson : controller;
  return joined([person.name, person.phone, person.email], ', ');
}

export function controllerLines(notice: ResolvedNotice, language: Language): string[] {
  const { controller } = notice.profile;
  return [
    controller.name,
    controller.street,
    joined([controller.postalCode, controller.city]),
    controller.businessId.trim() ? noticeText(language, 'businessId', { id: controller.businessId.trim() }) : '',
    controller.phone,
    controller.email,
  ].filter((line) => line.trim() !== '');
}

export function basesLines(notice: ResolvedNotice, language: Language): string[] {
  const bases = notice.profile.notice.legalBases;
  return LEGAL_BASES.filter((basis) => bases[basis]).map((basis) => noticeText(language, `basis_${basis}`));
}

/**
 * Per channel, by consent or until objection, as the register's setting says (and as mailing
 * lists and labels follow it). Printed when the register markets at all: it records marketing
 * permissions or bans, or a channel is opt-out; otherwise nothing.
 */
export function marketingChannelLines(
  notice: ResolvedNotice,
  language: Language,
  modes: MarketingChannelModes = channelModesOf(notice.profile.notice),
): string[] {
  const markets =
    MARKETING_CHANNELS.some((channel) => modes[channel] === 'optOut') ||
    (notice.groups ?? []).some((group) => MARKETING_CHANNELS.some((channel) => group.channels[channel] === 'optOut')) ||
    notice.categories.some((c) => ['marketingChannels', 'directMarketingBan', 'bans'].includes(c.key));
  if (!markets) return [];
  return MARKETING_CHANNELS.map((channel) =>
    noticeText(language, `marketing_${modes[channel]}`, {
      channel: noticeText(language, `marketingChannel_${channel}`),
    }),
  );
}

/** Groups whose channel modes differ: each is then told its own (else one list for all, as before). */
function marketingByGroup(notice: ResolvedNotice): boolean {
  const groups = notice.groups ?? [];
  const modes = new Set(groups.map((group) => JSON.stringify(group.channels)));
  return modes.size > 1;
}

/** The direct-marketing wording: one list, or per group (label, then its channels) where they differ. */
export function marketingBlocks(notice: ResolvedNotice, language: Language): Block[] {
  if (!marketingByGroup(notice)) {
    const lines = marketingChannelLines(notice, language, notice.groups?.[0]?.channels);
    return lines.length > 0
      ? [{ kind: 'paragraph', text: noticeText(language, 'marketingIntro') }, bullets(lines)]
      : [];
  }
  return [
    { kind: 'paragraph', text: noticeText(language, 'marketingIntro') },
    ...(notice.groups ?? []).flatMap((group): Block[] => [
      { kind: 'subheading', text: group.label[language] },
      bullets(marketingChannelLines(notice, language, group.channels)),
    ]),
  ];
}

/** The data content: one list, or one per group (label, then its categories) when any has its own. */
export function dataContentBlocks(notice: ResolvedNotice, language: Language): Block[] {
  const intro: Block = { kind: 'paragraph', text: noticeText(language, 'contentIntro') };
  const groups = notice.groups ?? [];
  if (!groups.some((group) => group.ownCategories)) {
    return [intro, bullets(notice.categories.map((c) => c.label[language]))];
  }
  return [
    { kind: 'paragraph', text: noticeText(language, 'contentByGroupIntro') },
    ...groups.flatMap((group): Block[] => [
      { kind: 'subheading', text: group.label[language] },
      bullets(group.categories.map((c) => c.label[language])),
    ]),
  ];
}

export function retentionLines(notice: ResolvedNotice, language: Language): string[] {
  const rule = (policy: NoticeRetentionRule) => {
    // A stated rule prints the owner's words; Kaappi tells the owner it does not enforce it.
    const sentence =
      policy.kind === 'stated' || !policy.rule || !policy.period
        ? (policy.text?.[language] ?? '')
        : noticeText(language, `retention_${policy.rule}`, {
            period: periodWords(policy.period, language),
            periodGenitive: periodWords(policy.period, language, 'genitive'),
            periodIllative: periodWords(policy.period, language, 'illative'),
            action: noticeText(language, `retentionAction_${policy.action}`),
          });
    if (policy.kinds.length === 0) return sentence;
    const kinds = policy.kinds.map((kind) => kind[language]).join(', ');
    return `${sentence} ${noticeText(language, 'retentionKinds', { kinds })}`;
  };
  const bookkeeping = { amount: notice.bookkeepingYears, unit: 'years' } as const;
  return [
    ...notice.retention.map(rule),
    ...(keepsBookkeeping(notice) && notice.bookkeepingYears > 0
      ? [noticeText(language, 'retentionBookkeeping', { period: periodWords(bookkeeping, language) })]
      : []),
    noticeText(language, 'retentionOnRequest'),
  ];
}

export function transferLines(notice: ResolvedNotice, language: Language): string[] {
  return notice.profile.notice.processors
    .filter((processor) => processor.outsideEea)
    .map((processor) =>
      noticeText(language, 'transferLine', {
        name: processor.name,
        location: processor.location[language],
        safeguard: processor.safeguard[language].trim() || noticeText(language, 'transferNoSafeguard'),
      }),
    );
}

/**
 * The transfers as the owner chose them: Kaappi's sentence for the choice, the processors outside
 * the EU/EEA with their safeguards, and the owner's own words. Never chosen: only the owner's words,
 * so nothing is claimed that the owner did not say (the notice's status names the gap).
 */
export function transferBlocks(notice: ResolvedNotice, language: Language): Block[] {
  const facts = notice.profile.notice;
  const choice = transferChoiceOf(facts);
  const outside = transferLines(notice, language);
  return [
    ...(choice ? [{ kind: 'paragraph', text: noticeText(language, `transfer_${choice}`) } as Block] : []),
    ...(outside.length > 0
      ? [{ kind: 'paragraph', text: noticeText(language, 'transfersIntro') } as Block, bullets(outside)]
      : []),
    ...paragraphs(facts.transfers[language]),
  ];
}

/** The checked security measures in Kaappi's words, paper or electronic, then the owner's own text. */
export function securityBlocks(notice: ResolvedNotice, language: Language, paper: boolean): Block[] {
  const { security } = notice.profile.notice;
  const chosen = new Set(security.measures);
  const measures = SECURITY_MEASURES.filter(
    (measure) => chosen.has(measure) && PAPER_MEASURES.includes(measure) === paper,
  ).map((measure) => noticeText(language, `security_${measure}`));
  return [
    ...(measures.length > 0 ? [{ kind: 'paragraph', text: measures.join(' ') } as Block] : []),
    ...paragraphs((paper ? security.manual : security.electronic)[language]),
  ];
}

/** The processors as a table: who, what they receive, where, and the safeguard of a transfer. */
export function processorTable(notice: ResolvedNotice, language: Language): Block {
  const t = (key: Parameters<typeof noticeText>[1]) => noticeText(language, key);
  // "Not transferred" only where the owner chose a transfer that keeps data inside the EU/EEA.
  const choice = transferChoiceOf(notice.profile.notice);
  const inside = choice === 'notTransferred' || choice === 'partnersInEea';
  return {
    kind: 'table',
    columns: [t('processor_name'), t('processor_receives'), t('processor_location'), t('processor_safeguard')],
    rows: notice.profile.notice.processors.map((p) => [
      p.name,
      p.receives[language],
      p.location[language],
      p.outsideEea ? p.safeguard[language] : inside ? t('processor_notTransferred') : t('empty'),
    ]),
  };
}

export function authorityLines(notice: ResolvedNotice, language: Language): string[] {
  const { authority } = notice.profile;
  return [authority.name[language], authority.address, authority.email, authority.www].filter(
    (line) => line.trim() !== '',
  );
}

/** Every section in printing order, each with its blocks; an empty list leaves the section out. */
function sections(notice: ResolvedNotice, language: Language): Array<[NoticeSection, Block[]]> {
  const { profile } = notice;
  const facts = profile.notice;
  const t = (key: Parameters<typeof noticeText>[1], params?: Record<string, string | number>) =>
    noticeText(language, key, params);
  const contactPerson = [profile.contactPerson.name, profile.contactPerson.phone, profile.contactPerson.email].filter(
    (line) => line.trim() !== '',
  );
  const bases = basesLines(notice, language);
  const marketing = marketingBlocks(notice, language);
  const processors = facts.processors;
  return [
    ['controller', [{ kind: 'lines', lines: controllerLines(notice, language) }]],
    [
      'contactPerson',
      profile.contactPerson.name.trim()
        ? [{ kind: 'lines', lines: contactPerson }]
        : [{ kind: 'paragraph', text: t('contactFallback') }],
    ],
    ['registerName', [{ kind: 'paragraph', text: profile.registerName[language] }]],
    ['purpose', paragraphs(profile.purposes[language])],
    [
      'legalBasis',
      [
        ...(bases.length > 0 ? [{ kind: 'paragraph', text: t('basesIntro') } as Block, bullets(bases)] : []),
        ...paragraphs(facts.legalBases.explanation[language]),
        ...marketing,
      ],
    ],
    [
      'legitimateInterest',
      facts.legalBases.legitimateInterest ? paragraphs(facts.legalBases.balancingNote[language]) : [],
    ],
    [
      'dataSubjects',
      [
        { kind: 'paragraph', text: t('subjectsIntro') },
        bullets(notice.subjectKinds.map((kind) => kind.label[language])),
      ],
    ],
    ['informing', paragraphs(facts.informing[language])],
    ['dataContent', dataContentBlocks(notice, language)],
    [
      'sources',
      [
        ...paragraphs(facts.sources[language]),
        ...(notice.sources.length > 0
          ? [
              { kind: 'paragraph', text: t('sourcesListIntro') } as Block,
              bullets(notice.sources.map((source) => source.label[language])),
            ]
          : []),
      ],
    ],
    [
      'disclosures',
      facts.disclosures[language].trim()
        ? paragraphs(facts.disclosures[language])
        : [{ kind: 'paragraph', text: t('disclosuresNone') }],
    ],
    ['transfers', transferBlocks(notice, language)],
    [
      'processors',
      processors.length > 0
        ? [{ kind: 'paragraph', text: t('processorsIntro') }, processorTable(notice, language)]
        : [{ kind: 'paragraph', text: t('processorsNone') }],
    ],
    ['systems', paragraphs(facts.systems[language])],
    ['retention', [...paragraphs(facts.retention[language]), bullets(retentionLines(notice, language))]],
    ['securityManual', securityBlocks(notice, language, true)],
    ['securityElectronic', securityBlocks(notice, language, false)],
    [
      'rights',
      [
        { kind: 'paragraph', text: t('rightsIntro', { contact: contactOf(notice) }) },
        { kind: 'paragraph', text: t('rightsHow') },
        { kind: 'paragraph', text: t('rightsDeadline') },
      ],
    ],
    ['rightAccess', [{ kind: 'paragraph', text: t('rightAccess_text') }]],
    ['rightRectification', [{ kind: 'paragraph', text: t('rightRectification_text') }]],
    ['rightErasure', [{ kind: 'paragraph', text: t('rightErasure_text') }]],
    ['rightRestriction', [{ kind: 'paragraph', text: t('rightRestriction_text') }]],
    ['rightObjection', [{ kind: 'paragraph', text: t('rightObjection_text') }]],
    ['rightPortability', [{ kind: 'paragraph', text: t('rightPortability_text') }]],
    ['rightOther', [{ kind: 'paragraph', text: t('rightOther_text') }]],
    [
      'rightComplaint',
      [
        { kind: 'paragraph', text: t('rightComplaint_text') },
        { kind: 'lines', lines: authorityLines(notice, language) },
      ],
    ],
    [
      'cookies',
      facts.cookies.used
        ? [
            ...(facts.cookies.websites.trim()
              ? [
                  {
                    kind: 'paragraph',
                    text: t('cookiesWebsites', { websites: facts.cookies.websites.trim() }),
                  } as Block,
                ]
              : []),
            ...paragraphs(facts.cookies.text[language]),
          ]
        : [],
    ],
  ];
}

/** The sections the notice prints, in order, as (section, heading) pairs. */
export function noticeOutline(notice: ResolvedNotice, language: Language): Array<[NoticeSection, string]> {
  return sections(notice, language)
    .filter(([, blocks]) => blocks.length > 0)
    .map(([section]) => [section, sectionHeading(notice.profile, section, language)]);
}

export function privacyNotice(notice: ResolvedNotice, language: Language, today: string): DocumentModel {
  // The owner's introduction comes right after the header, before the first section.
  const blocks: Block[] = paragraphs(notice.profile.notice.introduction[language]);
  for (const [section, content] of sections(notice, language)) {
    if (content.length === 0) continue;
    blocks.push({ kind: 'heading', text: sectionHeading(notice.profile, section, language) }, ...content);
  }
  const { profile } = notice;
  return {
    title: noticeText(language, 'title'),
    meta: [
      joined([profile.controller.name, profile.registerName[language]], ' – '),
      noticeText(language, 'metaLaw'),
      noticeText(language, 'metaDate', { date: formatDate(today, language) }),
    ].filter((line) => line !== ''),
    blocks,
    empty: noticeText(language, 'empty'),
  };
}
