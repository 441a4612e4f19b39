import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook, signatureFor } from "@/server/notifications/signing";

const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
const otherSecret = `whsec_${Buffer.from("fedcba9876543210fedcba9876543210").toString("base64")}`;

describe("Standard Webhooks signing", () => {
  it("produces headers that the reference library verifies", () => {
    const body = JSON.stringify({ page: { id: "p" }, meta: {} });
    const headers = signWebhook({ secrets: [secret], messageId: "msg_abc", body });
    const payload = new Webhook(secret).verify(body, { ...headers });
    expect(payload).toEqual(JSON.parse(body));
  });

  it("is refused by the reference library when the body was altered", () => {
    const headers = signWebhook({ secrets: [secret], messageId: "msg_abc", body: '{"a":1}' });
    expect(() => new Webhook(secret).verify('{"a":2}', { ...headers })).toThrow();
  });

  it("signs with every given secret so receivers holding either verify during a rotation", () => {
    const body = '{"x":true}';
    const headers = signWebhook({ secrets: [otherSecret, secret], messageId: "msg_1", body });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(secret).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(otherSecret).verify(body, { ...headers })).not.toThrow();
  });

  it("matches the specification's worked example", () => {
    // From the Standard Webhooks specification's example.
    const specSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = '{"test": 2432232314}';
    expect(signatureFor(specSecret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("puts the timestamp in seconds", () => {
    const headers = signWebhook({ secrets: [secret], messageId: "m", body: "{}", at: new Date("2026-01-01T00:00:00Z") });
    expect(headers["webhook-timestamp"]).toBe("1767225600");
  });
});
