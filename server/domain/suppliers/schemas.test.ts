import { describe, expect, it } from "vitest";
import { DEMO_SUPPLIERS } from "../../db/seed/demo-suppliers";
import { countryName, countryCodes } from "./countries";
import { productFields, supplierFields } from "./schemas";

describe("supplier schemas", () => {
  it("normalises a Swedish organisation number and refuses a wrong check digit", () => {
    expect(supplierFields.parse({ name: "Test AB", country: "se", organisationNumber: "5560360793" })).toEqual({
      name: "Test AB",
      country: "SE",
      organisationNumber: "556036-0793",
    });
    expect(supplierFields.safeParse({ name: "Test AB", country: "SE", organisationNumber: "556036-0794" }).success).toBe(false);
  });

  it("accepts a foreign company number as written when the country is not Sweden", () => {
    expect(supplierFields.parse({ name: "Model Labs Ltd", country: "GB", organisationNumber: " 12345678 " }).organisationNumber).toBe("12345678");
    expect(supplierFields.safeParse({ name: "Model Labs Ltd", country: "GB", organisationNumber: "<script>" }).success).toBe(false);
  });

  it("treats an empty number as none and refuses an unknown country", () => {
    expect(supplierFields.parse({ name: "Test AB", country: "SE", organisationNumber: "" }).organisationNumber).toBeNull();
    expect(supplierFields.safeParse({ name: "Test AB", country: "XX" }).success).toBe(false);
  });

  it("deduplicates hosting countries and certifications, and empties optional text to null", () => {
    expect(productFields.parse({ name: "Kommunchatt", modelProvider: " ", hostingLocations: ["se", "SE", "IE"], certifications: ["ISO 27001", "ISO 27001"] })).toEqual({
      name: "Kommunchatt",
      modelProvider: null,
      model: null,
      euDatabaseRegistrationNumber: null,
      hostingLocations: ["SE", "IE"],
      certifications: ["ISO 27001"],
    });
  });

  it("knows the 249 ISO 3166-1 countries and names them in Swedish and English", () => {
    expect(countryCodes).toHaveLength(249);
    expect(countryName("SE", "sv")).toBe("Sverige");
    expect(countryName("IE", "en")).toBe("Ireland");
  });

  it("has valid demo suppliers", () => {
    for (const demo of DEMO_SUPPLIERS) {
      expect(supplierFields.parse({ name: demo.name, country: demo.country, organisationNumber: demo.organisationNumber }).name).toBe(demo.name);
      for (const product of demo.products) expect(productFields.parse(product).name).toBe(product.name);
    }
  });
});
