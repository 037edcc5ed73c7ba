// The register profile's shape: who keeps the register, the contact person, the register's name and
// purposes, the supervisory authority and the notice's facts. One schema for core (which stores
// it) and the contract (which carries it), kept free of node imports for the renderer.
import { z } from 'zod';
import { plainLine } from './fields';
import { localizedLine, localizedText, noticeFactsSchema } from './notice-facts';

const text = (max: number) => plainLine(z.string().trim().max(max));

export const registerProfileSchema = z.object({
  controller: z.object({
    name: text(200),
    businessId: text(20),
    street: text(200),
    postalCode: text(20),
    city: text(100),
    phone: text(40),
    email: text(200),
  }),
  contactPerson: z.object({ name: text(200), phone: text(40), email: text(200) }),
  registerName: localizedLine(200),
  purposes: localizedText(4000),
  /** The supervisory authority, a setting because its details change (PRODUCT.md). */
  authority: z.object({ name: localizedLine(200), address: text(300), email: text(200), www: text(200) }),
  notice: noticeFactsSchema,
});
