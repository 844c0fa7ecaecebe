import nodemailer from "nodemailer";
import { describe, expect, it, vi } from "vitest";
import { createMailer, invitationMail } from "./mailer";

const link = "https://tillit.example.se/invitation/sundsvall/abc123";

describe("invitationMail", () => {
  it("writes a plain Swedish invitation with the organisation, the role and the link", () => {
    const mail = invitationMail({ organisationName: "Sundsvalls kommun", role: "REVIEWER", link, locale: "sv" });
    expect(mail.subject).toBe("Inbjudan till Sundsvalls kommun i Tillit");
    expect(mail.text).toContain("Du är inbjuden till Sundsvalls kommun i Tillit, med rollen granskare.");
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain("Länken fungerar en gång.");
  });

  it("writes the English invitation", () => {
    const mail = invitationMail({ organisationName: "Region Skåne", role: "ADMIN", link, locale: "en" });
    expect(mail.subject).toBe("Invitation to Region Skåne in Tillit");
    expect(mail.text).toContain("You are invited to join Region Skåne in Tillit, as administrator.");
    expect(mail.text).toContain(`\n${link}\n`);
  });

  it("names every role in both languages", () => {
    for (const role of ["ADMIN", "EDITOR", "REVIEWER", "VIEWER"] as const) {
      for (const locale of ["sv", "en"] as const) {
        expect(invitationMail({ organisationName: "X", role, link, locale }).text).not.toContain("undefined");
      }
    }
  });

  it("says until when the link is valid, as a Swedish date", () => {
    // 23:30 UTC on 30 November is already 1 December in Stockholm.
    const expiresAt = new Date("2026-11-30T23:30:00Z");
    expect(invitationMail({ organisationName: "X", role: "VIEWER", link, locale: "sv", expiresAt }).text).toContain(
      "gäller till och med 1 december 2026.",
    );
    expect(invitationMail({ organisationName: "X", role: "VIEWER", link, locale: "en", expiresAt }).text).toContain(
      "valid until 1 December 2026.",
    );
  });

  it("keeps the subject on one line whatever the organisation's name holds", () => {
    const mail = invitationMail({ organisationName: "Evil\r\nBcc: everyone@example.org", role: "VIEWER", link, locale: "sv" });
    expect(mail.subject).toBe("Inbjudan till Evil Bcc: everyone@example.org i Tillit");
  });
});

describe("createMailer", () => {
  it("sends through the transport, from the configured sender", async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sendMail = vi.spyOn(transport, "sendMail");
    const mailer = createMailer({ transport, from: "Tillit <no-reply@tillit.example>" });

    const result = await mailer.send({ to: "anna@kommun.example", subject: "Ämne", text: "Hej Anna" });

    expect(result).toEqual({ sent: true });
    const sent = await sendMail.mock.results[0]?.value;
    const envelope = JSON.parse(sent.message);
    expect(envelope).toMatchObject({
      from: { address: "no-reply@tillit.example", name: "Tillit" },
      to: [{ address: "anna@kommun.example" }],
      subject: "Ämne",
      text: "Hej Anna",
    });
  });

  it("without a transport, logs the recipient and subject (never the text) and reports not sent", async () => {
    const lines: string[] = [];
    const mailer = createMailer({ transport: null, from: "x@example.org", log: (line) => lines.push(line) });
    const result = await mailer.send({ to: "anna@kommun.example", subject: "Inbjudan", text: `secret ${link}` });
    expect(result).toEqual({ sent: false });
    expect(lines).toEqual(['mail not sent (SMTP_URL is not set): "Inbjudan" to anna@kommun.example']);
  });

  it("rejects when the mail server refuses, so the caller can fall back", async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    vi.spyOn(transport, "sendMail").mockRejectedValue(new Error("550 relay denied"));
    const mailer = createMailer({ transport, from: "x@example.org" });
    await expect(mailer.send({ to: "a@b.example", subject: "s", text: "t" })).rejects.toThrow("550 relay denied");
  });
});
