/**
 * The file routes under app/api refuse a malformed address with 400 before anything reaches
 * the database (they call the same procedures, whose schemas refuse the rest).
 */
import { describe, expect, it } from "vitest";
import { GET as exportRegister } from "@/app/api/organisations/[org]/use-cases/export/route";
import { GET as importTemplate } from "@/app/api/organisations/[org]/use-cases/template/route";

const params = (org: string) => ({ params: Promise.resolve({ org }) });

describe("file routes", () => {
  it.each(["format=pdf", "q=a%00b", "businessArea=%00", "lifecycleStage=NOPE", "published=kanske", "supplier=x%00"])(
    "refuse the register export's address ?%s with 400",
    async (search) => {
      const response = await exportRegister(new Request(`http://localhost/api/organisations/exempelby/use-cases/export?${search}`), params("exempelby"));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    },
  );

  it("refuses an unknown template format with 400", async () => {
    const response = await importTemplate(new Request("http://localhost/api/organisations/exempelby/use-cases/template?format=%00"), params("exempelby"));
    expect(response.status).toBe(400);
  });
});
