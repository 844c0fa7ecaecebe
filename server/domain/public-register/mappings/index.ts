/** The three target formats, in the order the API page documents them. */
import type { PublicUseCaseSnapshot } from "../snapshot";
import { mappingSourceFromSnapshot, type PublicationDates } from "./from-snapshot";
import { nlAlgoritmeregister, toNlAlgoritmeregister } from "./nl-algoritmeregister";
import type { MappingSource, TargetFormat } from "./source";
import { toUkAtrs, ukAtrs } from "./uk-atrs";
import { toUsInventory, usInventory } from "./us-inventory";

export const targetFormats: readonly TargetFormat[] = [nlAlgoritmeregister, ukAtrs, usInventory];
export type TargetFormatId = TargetFormat["id"];

export const mapTo: Record<TargetFormatId, (source: MappingSource) => unknown> = {
  "nl-algoritmeregister": toNlAlgoritmeregister,
  "uk-atrs": toUkAtrs,
  "us-inventory": toUsInventory,
};

/** The language of a format's fixed words (withholding reasons): Swedish for the Dutch record, whose texts stay Swedish. */
const languageOf: Record<TargetFormatId, "sv" | "en"> = { "nl-algoritmeregister": "sv", "uk-atrs": "en", "us-inventory": "en" };

/** A published snapshot in a target format. */
export function mapSnapshot(format: TargetFormatId, snapshot: PublicUseCaseSnapshot, dates: PublicationDates): unknown {
  return mapTo[format](mappingSourceFromSnapshot(snapshot, dates, languageOf[format]));
}

export type { MappingSource, TargetFormat } from "./source";
export type { PublicationDates } from "./from-snapshot";
