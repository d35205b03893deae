package no.meldingsvakt.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.config.TrustConfig;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.message.ParsedMessage;
import org.junit.jupiter.api.Test;

/** The forms of Authentication-Results that receiving servers write, and which of them count. */
class AuthenticationResultsTest {
    private static final TrustConfig POSTFIX = trust(List.of("mx.kommune.test"), false, TrustConfig.Require.DMARC);

    @Test
    void postfix_with_opendmarc_and_opendkim_passes_on_dmarc() {
        ParsedMessage m = message("""
                Return-Path: <kari@hemit.no>
                Received: from mx.kommune.test by imap.kommune.test with LMTP; Thu, 12 Mar 2026 09:00:02 +0100
                Authentication-Results: mx.kommune.test; dmarc=pass (p=reject dis=none) header.from=hemit.no
                Authentication-Results: mx.kommune.test;
                	dkim=pass (2048-bit key; unprotected) header.d=hemit.no header.i=@hemit.no header.b="abc"
                Received: from mail.hemit.no (mail.hemit.no [192.0.2.1]) by mx.kommune.test (Postfix); Thu, 12 Mar 2026 09:00:01 +0100
                """, "Kari <kari@hemit.no>");
        SenderCheck c = SenderTrust.check(POSTFIX, m);
        assertThat(c.authenticated()).contains(true);
        assertThat(c.why()).contains("dmarc=pass");
    }

    @Test
    void rspamd_form_with_several_results_in_one_field() {
        ParsedMessage m = message("""
                Authentication-Results: mx.kommune.test;
                	dkim=pass header.d=hemit.no header.s=sel1 header.b=abc;
                	spf=pass (mx.kommune.test: domain of kari@hemit.no designates 192.0.2.1 as permitted sender) smtp.mailfrom=kari@hemit.no;
                	dmarc=pass (policy=reject) header.from=hemit.no
                Received: from mail.hemit.no by mx.kommune.test; Thu, 12 Mar 2026 09:00:01 +0100
                """, "kari@hemit.no");
        assertThat(SenderTrust.check(POSTFIX, m).authenticated()).contains(true);
    }

    @Test
    void gmail_form_counts_under_its_own_authserv_id_only() {
        String header = """
                ARC-Authentication-Results: i=1; mx.google.com; dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=hemit.no
                Authentication-Results: mx.google.com;
                       dkim=pass header.i=@hemit.no header.s=s1 header.b=xyz;
                       spf=pass (google.com: domain of kari@hemit.no designates 192.0.2.1 as permitted sender) smtp.mailfrom=kari@hemit.no;
                       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=hemit.no
                Received: from mail.hemit.no by mx.google.com; Thu, 12 Mar 2026 09:00:01 +0100
                """;
        assertThat(SenderTrust.check(trust(List.of("mx.google.com"), false, TrustConfig.Require.DMARC), message(header, "kari@hemit.no"))
                .authenticated()).contains(true);
        assertThat(SenderTrust.check(POSTFIX, message(header, "kari@hemit.no")).authenticated())
                .as("another server's results are someone else's words").contains(false);
    }

    @Test
    void exchange_online_form_has_no_authserv_id_and_marks_the_tenants_own_senders() {
        TrustConfig eo = trust(List.of(), true, TrustConfig.Require.DMARC);
        ParsedMessage external = message("""
                Authentication-Results: spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=hemit.no; dkim=pass (signature was verified)
                 header.d=hemit.no;dmarc=pass action=none header.from=hemit.no;compauth=pass reason=100
                X-MS-Exchange-Organization-AuthAs: Anonymous
                """, "kari@hemit.no");
        assertThat(SenderTrust.check(eo, external).authenticated()).contains(true);
        ParsedMessage internal = message("X-MS-Exchange-Organization-AuthAs: Internal\n", "ivar@kommune.test");
        assertThat(SenderTrust.check(eo, internal).authenticated()).contains(true);
        ParsedMessage forgedInternal = message("X-MS-Exchange-Organization-AuthAs: Internal\n", "kari@hemit.no");
        assertThat(SenderTrust.check(eo, forgedInternal).authenticated()).as("AuthAs vouches for the tenant's own domains only").contains(false);
    }

    @Test
    void the_topmost_verdict_wins_and_a_result_for_another_from_domain_does_not_count() {
        ParsedMessage twice = message("""
                Authentication-Results: mx.kommune.test; dmarc=fail header.from=hemit.no
                Authentication-Results: mx.kommune.test; dmarc=pass header.from=hemit.no
                Received: from x by mx.kommune.test; Thu, 12 Mar 2026 09:00:01 +0100
                """, "kari@hemit.no");
        assertThat(SenderTrust.check(POSTFIX, twice).authenticated()).contains(false);
        ParsedMessage other = message("""
                Authentication-Results: mx.kommune.test; dmarc=pass header.from=evil.test
                Received: from x by mx.kommune.test; Thu, 12 Mar 2026 09:00:01 +0100
                """, "kari@hemit.no");
        assertThat(SenderTrust.check(POSTFIX, other).authenticated()).contains(false);
    }

    @Test
    void aligned_accepts_a_dkim_pass_of_the_from_domain_but_not_of_another() {
        TrustConfig aligned = trust(List.of("mx.kommune.test"), false, TrustConfig.Require.ALIGNED);
        String dkim = "Authentication-Results: mx.kommune.test; dkim=pass header.d=%s; dmarc=none header.from=hemit.no\n";
        assertThat(SenderTrust.check(aligned, message(dkim.formatted("mail.hemit.no"), "kari@hemit.no")).authenticated()).contains(true);
        assertThat(SenderTrust.check(aligned, message(dkim.formatted("evil.test"), "kari@hemit.no")).authenticated()).contains(false);
        assertThat(SenderTrust.check(POSTFIX, message(dkim.formatted("hemit.no"), "kari@hemit.no")).authenticated())
                .as("dmarc mode wants DMARC itself").contains(false);
    }

    @Test
    void comments_never_count_and_trust_none_verifies_nobody() {
        ParsedMessage m = message("Authentication-Results: mx.kommune.test; dmarc=fail (dmarc=pass header.from=hemit.no) header.from=hemit.no\n",
                "kari@hemit.no");
        assertThat(SenderTrust.check(POSTFIX, m).authenticated()).contains(false);
        assertThat(SenderTrust.check(TrustConfig.none(List.of("kommune.test")), m).authenticated()).isEmpty();
        assertThat(AuthResults.parse("mx.kommune.test 1; auth=pass smtp.auth=Ivar@kommune.test").results().get(0).property("smtp.auth"))
                .contains("Ivar@kommune.test");
    }

    private static TrustConfig trust(List<String> ids, boolean exchange, TrustConfig.Require require) {
        return new TrustConfig(Optional.of(new TrustConfig.Verification(ids, exchange, require)), List.of("kommune.test"));
    }

    private static ParsedMessage message(String top, String from) {
        String raw = top.replace("\n", "\r\n") + "From: " + from + "\r\nTo: meldingsansvarlig@kommune.test\r\nSubject: Feil i meldingsutveksling\r\n"
                + "Message-ID: <a@hemit.no>\r\n\r\nTekst\r\n";
        try {
            return new MessageReader().read(raw.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
