import { z } from "zod";

/** The named schemas of the open API: each becomes #/components/schemas/<id> in openapi.json. */
export const openApiSchemas = z.registry<{ id: string }>();
