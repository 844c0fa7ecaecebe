/** The three target formats, in the order the API page documents them. */
import { nlAlgoritmeregister, toNlAlgoritmeregister } from "./nl-algoritmeregister";
import type { MappingSource, TargetFormat } from "./source";
import { toUkAtrs, ukAtrs } from "./uk-atrs";
import { toUsInventory, usInventory } from "./us-inventory";

export const targetFormats: readonly TargetFormat[] = [nlAlgoritmeregister, ukAtrs, usInventory];

export const mapTo: Record<TargetFormat["id"], (source: MappingSource) => unknown> = {
  "nl-algoritmeregister": toNlAlgoritmeregister,
  "uk-atrs": toUkAtrs,
  "us-inventory": toUsInventory,
};

export type { MappingSource, TargetFormat } from "./source";
