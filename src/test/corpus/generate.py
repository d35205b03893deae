#!/usr/bin/env python3
"""Writes the classification corpus: src/test/resources/corpus/*.eml and expected.jsonl.

Each message is written byte for byte as the client named in its file would send it (folding,
encoded words, transfer encodings, HTML, attachments), and its expected result is what a careful
person reading it would record. Run from the repository root: python3 src/test/corpus/generate.py
"""
import base64
import json
import os
import quopri
import sys

sys.path.insert(0, os.path.dirname(__file__))
from pdfdocx import docx, pdf  # noqa: E402

OUT = os.path.join('src', 'test', 'resources', 'corpus')
ME = 'meldingsansvarlig@orkland.kommune.no'
cases = []
counter = [0]


def ew(text, charset='utf-8', enc='Q'):
    raw = text.encode(charset)
    if enc == 'B':
        return '=?%s?B?%s?=' % (charset, base64.b64encode(raw).decode())
    q = ''.join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else ('_' if b == 32 else '=%02X' % b) for b in raw)
    return '=?%s?Q?%s?=' % (charset, q)


def part(text, subtype='plain', charset='utf-8', cte='8bit', params=''):
    raw = text.replace('\n', '\r\n').encode(charset)
    if cte == 'quoted-printable':
        body = quopri.encodestring(raw).replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    elif cte == 'base64':
        body = base64.encodebytes(raw).replace(b'\n', b'\r\n')
    else:
        body = raw
    head = 'Content-Type: text/%s; charset="%s"%s\r\nContent-Transfer-Encoding: %s\r\n' % (subtype, charset, params, cte)
    return head.encode() + b'\r\n' + body


def attachment(data, mime, filename):
    head = ('Content-Type: %s; name="%s"\r\nContent-Disposition: attachment; filename="%s"\r\n'
            'Content-Transfer-Encoding: base64\r\n' % (mime, filename, filename))
    return head.encode() + b'\r\n' + base64.encodebytes(data).replace(b'\n', b'\r\n')


def rfc822(message_bytes):
    return b'Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename="melding.eml"\r\n\r\n' + message_bytes


def multipart(subtype, parts):
    counter[0] += 1
    boundary = '----=_Part_%d_%d' % (counter[0], 1000 + counter[0])
    out = ('Content-Type: multipart/%s; boundary="%s"\r\n\r\nThis is a multi-part message in MIME format.\r\n' % (subtype, boundary)).encode()
    for p in parts:
        out += ('--%s\r\n' % boundary).encode() + p + b'\r\n'
    return out + ('--%s--\r\n' % boundary).encode()


def message(headers, body_part, mime=True):
    head = ''
    for name, value in headers:
        head += '%s: %s\r\n' % (name, value)
    if mime:
        head += 'MIME-Version: 1.0\r\n'
    return head.encode('utf-8') + body_part


def std(frm, subject, date, msgid, to=ME, extra=()):
    return [('From', frm), ('To', to), ('Subject', subject), ('Date', date), ('Message-ID', '<%s>' % msgid)] + list(extra)


def case(name, data, **expected):
    base = dict(category=None, receipt=False, organisation=None, sender=None, forwardedBy=None, windowStart=None,
                windowEnd=None, phone=None, services=[], routes=['fallback'], problems=[])
    base.update(expected)
    cases.append((name, data, base))


HEMIT = 'Meldingsansvarlig Hemit <meldingsansvarlig@helse-midt.no>'
TRH = 'Meldingsansvarlig Trondheim kommune <meldingsansvarlig@trondheim.kommune.no>'

# ---------------------------------------------------------------- planned downtime
case('planned-outlook-plain.eml', message(std(HEMIT, 'Planlagt stopp/forsinkelse i meldingstrafikk St. Olavs hospital HF 12.03.2025 kl. 16:00-20:00',
     'Mon, 3 Mar 2025 09:12:44 +0100', 'p1@helse-midt.no'), part(
    'Telefonnummer for pasientrelatert informasjon under nedetiden: 72 82 00 00\n\n'
    'Hei,\n\nSt. Olavs hospital HF oppgraderer meldingstjeneren onsdag 12. mars 2025 fra kl. 16:00 til kl. 20:00.\n'
    'Berørte tjenester: PLO-meldinger, epikriser og labsvar.\n'
    'Meldinger som sendes i perioden blir liggende i kø og leveres når systemet er oppe igjen.\n\n'
    'Denne e-posten skal ikke besvares.\n\nMed vennlig hilsen\nHemit – Helse Midt-Norge IT\nTlf 73 86 00 00\n')),
    category='planned', organisation='St. Olavs hospital HF', sender='meldingsansvarlig@helse-midt.no',
    windowStart='2025-03-12T16:00+01:00', windowEnd='2025-03-12T20:00+01:00', phone='+4772820000',
    services=['PLO', 'epikrise', 'lab'], routes=['pleie-og-omsorg'])

case('planned-late-notice.eml', message(std(HEMIT, 'Planlagt stopp i meldingstrafikk Helse Nord-Trøndelag HF 12.03.25 kl 16.00 – 13.03.25 kl 08.00',
     'Mon, 10 Mar 2025 14:02:10 +0100', 'p2@helse-midt.no'), part(
    'Tlf. for pasientrelaterte henvendelser: 74 09 80 00\n\nStopp fra 12.03.25 kl 16.00 – 13.03.25 kl 08.00 på grunn av flytting av server.\n'
    'Gjelder alle meldinger til og fra kommunene.\n')),
    category='planned', organisation='Helse Nord-Trøndelag HF', sender='meldingsansvarlig@helse-midt.no',
    windowStart='2025-03-12T16:00+01:00', windowEnd='2025-03-13T08:00+01:00', phone='+4774098000', problems=['late-notice'])

case('planned-textual-date-qp-latin1.eml', message(std('Kari Nordmann <kari.nordmann@malvik.kommune.no>',
     ew('Planlagt stopp/forsinkelse i meldingstrafikk Malvik kommune', 'iso-8859-1'), 'Tue, 25 Feb 2025 10:00:00 +0100', 'p3@malvik.kommune.no'),
    part('Viktig: Telefonnummer for pasientrelatert informasjon: 934 56 789\n\n'
         'Malvik kommune bytter fagsystem for helsestasjonen tirsdag 11. mars 2025 fra kl 18:00 til kl 22:00.\n'
         'Helsestasjonsmeldinger vil bli forsinket. Tiltak: meldinger sendes på nytt etter oppgraderingen.\n\n'
         'Vennlig hilsen\nKari Nordmann\nSystemansvarlig, Malvik kommune\n', charset='iso-8859-1', cte='quoted-printable')),
    category='planned', organisation='Malvik kommune', sender='kari.nordmann@malvik.kommune.no',
    windowStart='2025-03-11T18:00+01:00', windowEnd='2025-03-11T22:00+01:00', phone='+4793456789',
    services=['helsestasjon'], routes=['helsestasjon'])

case('planned-slash-date-cp1252-base64.eml', message(std('IKT Innherred <drift@innherred-ikt.no>',
     'Planlagt stopp i meldingstrafikk Levanger kommune 26/3-2025', 'Fri, 14 Mar 2025 08:30:00 +0100', 'p4@innherred-ikt.no'),
    part('Pasientrelaterte henvendelser under stoppen: ring 74 05 27 00.\n\n'
         'Vi oppgraderer EPJ i Levanger kommune 26/3-2025 1600-2000 – PLO-meldinger og dialogmeldinger blir forsinket.\n'
         '«Meldinger» går i kø.\n', charset='windows-1252', cte='base64')),
    category='planned', organisation='Levanger kommune', sender='drift@innherred-ikt.no',
    windowStart='2025-03-26T16:00+01:00', windowEnd='2025-03-26T20:00+01:00', phone='+4774052700',
    services=['PLO', 'dialogmelding'], routes=['pleie-og-omsorg'])

case('planned-fra-til-webmail.eml', message(std('Drift Indre Fosen <postmottak@indrefosen.kommune.no>',
     'Planlagt stopp/forsinkelse i meldingstrafikk Indre Fosen kommune', 'Wed, 19 Mar 2025 11:11:11 +0100', 'p5@indrefosen.kommune.no',
     extra=[('User-Agent', 'Roundcube Webmail/1.6.9')]),
    part('Telefonnummer for pasientrelatert informasjon: 72 51 40 00\n\nNedetid fra 02.04.2025 16:00 til 02.04.2025 20:00.\n'
         'Berørt: fastlege og legevakt.\n', params='; format=flowed')),
    category='planned', organisation='Indre Fosen kommune', sender='postmottak@indrefosen.kommune.no',
    windowStart='2025-04-02T16:00+02:00', windowEnd='2025-04-02T20:00+02:00', phone='+4772514000', services=['legevakt', 'fastlege'])

case('planned-hours-no-year.eml', message(std(TRH, 'Planlagt stopp i meldingstrafikk Trondheim kommune onsdag 19. november kl 18-22',
     'Mon, 10 Nov 2025 13:45:00 +0100', 'p6@trondheim.kommune.no'),
    part('Tlf for pasientrelaterte spørsmål: 72 54 00 00\n\nGjelder PLO.\n')),
    category='planned', organisation='Trondheim kommune', sender='meldingsansvarlig@trondheim.kommune.no',
    windowStart='2025-11-19T18:00+01:00', windowEnd='2025-11-19T22:00+01:00', phone='+4772540000', services=['PLO'], routes=['pleie-og-omsorg'])

case('planned-over-midnight.eml', message(std(HEMIT, 'Planlagt stopp i meldingstrafikk Helse Møre og Romsdal HF',
     'Mon, 10 Nov 2025 09:00:00 +0100', 'p7@helse-midt.no'),
    part('Telefon for pasientrelatert informasjon: 70 10 50 00\n\nTidspunkt: 20.11.2025 kl 22:00-02:00\nBerørte tjenester: epikriser, henvisninger\n')),
    category='planned', organisation='Helse Møre og Romsdal HF', sender='meldingsansvarlig@helse-midt.no',
    windowStart='2025-11-20T22:00+01:00', windowEnd='2025-11-21T02:00+01:00', phone='+4770105000', services=['epikrise', 'henvisning'])

case('planned-dst-autumn.eml', message(std(HEMIT, 'Planlagt stopp i meldingstrafikk Sykehuset Levanger',
     'Mon, 6 Oct 2025 10:00:00 +0200', 'p8@helse-midt.no'),
    part('Pasientrelatert informasjon: 74 09 80 00\n\nStart: 25.10.2025 kl 22:00\nSlutt: 26.10.2025 kl 06:00\n')),
    category='planned', organisation='Sykehuset Levanger', sender='meldingsansvarlig@helse-midt.no',
    windowStart='2025-10-25T22:00+02:00', windowEnd='2025-10-26T06:00+01:00', phone='+4774098000')

case('planned-dst-spring.eml', message(std(HEMIT, 'Planlagt stopp/forsinkelse i meldingstrafikk St. Olavs hospital HF 29.03.2026 kl 01:00-05:00',
     'Tue, 10 Mar 2026 10:00:00 +0100', 'p9@helse-midt.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 82 00 00\n\nOmlegging av nettverk natt til søndag.\n')),
    category='planned', organisation='St. Olavs hospital HF', sender='meldingsansvarlig@helse-midt.no',
    windowStart='2026-03-29T01:00+01:00', windowEnd='2026-03-29T05:00+02:00', phone='+4772820000')

case('planned-christmas-freeze-year-wrap.eml', message(std(TRH, 'Planlagt stopp i meldingstrafikk Trondheim kommune 02.01 kl 08:00-10:00',
     'Mon, 15 Dec 2025 12:00:00 +0100', 'p10@trondheim.kommune.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 54 00 00\n\nOppgradering av sak/arkiv-integrasjon.\n')),
    category='planned', organisation='Trondheim kommune', sender='meldingsansvarlig@trondheim.kommune.no',
    windowStart='2026-01-02T08:00+01:00', windowEnd='2026-01-02T10:00+01:00', phone='+4772540000', problems=['freeze-period'])

case('planned-summer-freeze.eml', message(std('Heidi Berg <heidi.berg@melhus.kommune.no>', 'Planlagt stopp i meldingstrafikk Melhus kommune 10.07.2025 kl. 09:00 - 11:00',
     'Sun, 1 Jun 2025 20:00:00 +0200', 'p11@melhus.kommune.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 85 80 00\nGjelder helsestasjon og PLO.\n')),
    category='planned', organisation='Melhus kommune', sender='heidi.berg@melhus.kommune.no',
    windowStart='2025-07-10T09:00+02:00', windowEnd='2025-07-10T11:00+02:00', phone='+4772858000',
    services=['PLO', 'helsestasjon'], routes=['pleie-og-omsorg', 'helsestasjon'], problems=['freeze-period'])

html12 = ('<html><head><style>td{font-family:Calibri}</style></head><body><p>Hei,</p>'
          '<table border="1"><tr><td><b>Tidspunkt</b></td><td>12.03.2025 kl.&nbsp;16:00 &ndash; 20:00</td></tr>'
          '<tr><td>Telefon for pasientrelaterte henvendelser</td><td>72&nbsp;48&nbsp;00&nbsp;00</td></tr>'
          '<tr><td>Ber&oslash;rte tjenester</td><td>Pleie- og omsorgsmeldinger</td></tr></table>'
          '<p>Med vennlig hilsen<br>Orkdal sjukehus</p></body></html>')
case('planned-html-only-table.eml', message(std('Drift <drift@stolav.no>', 'Planlagt stopp i meldingstrafikk Orkdal sjukehus, St. Olavs hospital HF',
     'Mon, 3 Mar 2025 09:00:00 +0100', 'p12@stolav.no'), part(html12, subtype='html', cte='quoted-printable')),
    category='planned', organisation='St. Olavs hospital HF', sender='drift@stolav.no',
    windowStart='2025-03-12T16:00+01:00', windowEnd='2025-03-12T20:00+01:00', phone='+4772480000', services=['PLO'], routes=['pleie-og-omsorg'])

pdf13 = pdf(['Varsel om planlagt stopp i meldingstrafikk', 'Trondheim kommune',
             'Telefonnummer for pasientrelatert informasjon: 72 54 10 00',
             'Tidspunkt: 08.04.2025 kl. 17:00 - 21:00', 'Berørte tjenester: PLO og legevakt'])
case('planned-details-in-pdf.eml', message(std(TRH, 'Planlagt stopp i meldingstrafikk Trondheim kommune', 'Tue, 25 Mar 2025 08:00:00 +0100', 'p13@trondheim.kommune.no'),
    multipart('mixed', [part('Hei,\n\nSe vedlagt varsel.\n\nHilsen meldingsansvarlig\n'), attachment(pdf13, 'application/pdf', 'varsel.pdf')])),
    category='planned', organisation='Trondheim kommune', sender='meldingsansvarlig@trondheim.kommune.no',
    windowStart='2025-04-08T17:00+02:00', windowEnd='2025-04-08T21:00+02:00', phone='+4772541000',
    services=['PLO', 'legevakt'], routes=['pleie-og-omsorg'])

docx14 = docx(['Planlagt nedetid', 'Telefonnummer for pasientrelatert informasjon: 73 83 00 00',
               'Stoppen skjer torsdag 15. mai 2025 fra kl 15:30 til kl 19:00.', 'Berørt: helsestasjon og skolehelsetjenesten.'])
case('planned-details-in-docx.eml', message(std('Meldingsansvarlig <meldingsansvarlig@skaun.kommune.no>', 'Planlagt stopp i meldingstrafikk Skaun kommune',
     'Mon, 28 Apr 2025 08:00:00 +0200', 'p14@skaun.kommune.no'),
    multipart('mixed', [part('Se vedlegg.\n'), attachment(docx14, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Varsel nedetid.docx')])),
    category='planned', organisation='Skaun kommune', sender='meldingsansvarlig@skaun.kommune.no',
    windowStart='2025-05-15T15:30+02:00', windowEnd='2025-05-15T19:00+02:00', phone='+4773830000', services=['helsestasjon'], routes=['helsestasjon'])

case('planned-no-phone.eml', message(std(TRH, 'Planlagt stopp i meldingstrafikk Trondheim kommune 20.05.2025 kl 16-18',
     'Mon, 5 May 2025 08:00:00 +0200', 'p15@trondheim.kommune.no'), part('Kort stopp for oppdatering.\n\nMvh\nIT\nTlf 72 54 00 00\n')),
    category='planned', organisation='Trondheim kommune', sender='meldingsansvarlig@trondheim.kommune.no',
    windowStart='2025-05-20T16:00+02:00', windowEnd='2025-05-20T18:00+02:00', problems=['no-phone'])

case('planned-no-time.eml', message(std(TRH, 'Planlagt stopp i meldingstrafikk Trondheim kommune', 'Mon, 5 May 2025 08:00:00 +0200', 'p16@trondheim.kommune.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 54 00 00\n\nVi kommer tilbake med tidspunkt.\n')),
    category='planned', organisation='Trondheim kommune', sender='meldingsansvarlig@trondheim.kommune.no', phone='+4772540000', problems=['no-time'])

case('planned-2018-subject.eml', message(std('Ola Hansen <ola.hansen@indrefosen.kommune.no>', 'Stopp/ forsinkelse i meldingsutveksling Indre Fosen kommune 14.05.2025 kl 07-09',
     'Mon, 28 Apr 2025 08:00:00 +0200', 'p17@indrefosen.kommune.no'),
    part('Tlf. for pasientrelaterte spørsmål: 400 12 345\n')),
    category='planned', organisation='Indre Fosen kommune', sender='ola.hansen@indrefosen.kommune.no',
    windowStart='2025-05-14T07:00+02:00', windowEnd='2025-05-14T09:00+02:00', phone='+4740012345')

flowed = ('Telefonnummer for pasientrelatert \ninformasjon: 72 40 00 00\n\nStoppen varer fra kl 17:00 til kl \n19:30 den 03.06.2025.\n')
case('planned-format-flowed.eml', message(std('Per <per@frosta.kommune.no>', 'Planlagt stopp i meldingstrafikk Frosta kommune',
     'Mon, 19 May 2025 08:00:00 +0200', 'p18@frosta.kommune.no', extra=[('User-Agent', 'Mozilla Thunderbird')]),
    part(flowed, params='; format=flowed')),
    category='planned', organisation='Frosta kommune', sender='per@frosta.kommune.no',
    windowStart='2025-06-03T17:00+02:00', windowEnd='2025-06-03T19:30+02:00', phone='+4772400000')

# An encoded word split inside "ø" (two bytes in UTF-8), as some clients fold long subjects.
subj = 'Planlagt stopp i meldingstrafikk Røros kommune 10.06.2025 kl 12:00-14:00'.encode('utf-8')
cut = subj.index('ø'.encode('utf-8')) + 1
split_subject = '=?utf-8?B?%s?=\r\n =?utf-8?B?%s?=' % (base64.b64encode(subj[:cut]).decode(), base64.b64encode(subj[cut:]).decode())
case('planned-encoded-word-split-char.eml', message(std('Drift <drift@roros.kommune.no>', split_subject, 'Mon, 26 May 2025 08:00:00 +0200', 'p19@roros.kommune.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 41 94 00\n')),
    category='planned', organisation='Røros kommune', sender='drift@roros.kommune.no',
    windowStart='2025-06-10T12:00+02:00', windowEnd='2025-06-10T14:00+02:00', phone='+4772419400')

case('error-form-with-examples.eml', message(std('Drift Malvik <drift@malvik.kommune.no>', 'Feil i meldingsutveksling Malvik kommune',
     'Wed, 14 May 2025 08:05:00 +0200', 'e30@malvik.kommune.no'), part(
    'Vi melder feil i henhold til rutinen.\n\n'
    '- Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 72 85 80 00\n'
    '- Tidspunkt hendelsen oppstod: 14.05.2025 kl. 07:40\n'
    '- Berørt tjeneste (for eksempel PLO eller helsestasjon): Epikriser\n'
    '- Iverksatte tiltak (for eksempel kontaktet leverandør): Kontaktet leverandør, som ser på PLO-køen\n'
    '- Når normal e-meldingskommunikasjon forventes å være på plass: Ukjent\n\nHilsen IT Malvik\n')),
    category='error', receipt=True, organisation='Malvik kommune', sender='drift@malvik.kommune.no',
    windowStart='2025-05-14T07:40+02:00', phone='+4772858000', services=['epikrise'], routes=['it-feil'], problems=['no-expected-end'])

case('planned-form-services-unanswered.eml', message(std('IKT Hitra <ikt@hitra.kommune.no>',
     'Planlagt stopp/forsinkelse i meldingstrafikk Hitra kommune 02.06.2025 kl. 18:00-20:00', 'Mon, 19 May 2025 10:00:00 +0200',
     'p31@hitra.kommune.no'), part(
    'Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 72 44 17 00\n'
    'Tidspunkt for nedetid: 02.06.2025 kl. 18:00-20:00\n'
    'Berørt tjeneste (for eksempel PLO eller helsestasjon):\n'
    'Iverksatte tiltak (for eksempel kontaktet leverandør): -\n')),
    category='planned', organisation='Hitra kommune', sender='ikt@hitra.kommune.no',
    windowStart='2025-06-02T18:00+02:00', windowEnd='2025-06-02T20:00+02:00', phone='+4772441700')

case('address-register-change.eml', message(std('Norsk helsenett <kundesenter@nhn.no>', 'Endring i adresseregisteret for Malvik kommune',
     'Tue, 20 May 2025 09:30:00 +0200', 'a40@nhn.no'), part(
    'Hei,\n\nMalvik kommune har fått ny HER-id for hjemmetjenesten fra 1. juni 2025. Oppdater adresseringen i fagsystemet.\n\n'
    'Med vennlig hilsen\nKundesenteret, Norsk helsenett\n')),
    category='address-register', receipt=False, organisation='Malvik kommune', sender='kundesenter@nhn.no',
    windowStart='2025-06-01T00:00+02:00')

ICS = ('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nMETHOD:REQUEST\r\n'
       'BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008@helse-nord.no\r\nDTSTAMP:20250520T080000Z\r\n'
       'DTSTART:20250610T160000Z\r\nDTEND:20250610T190000Z\r\n'
       'SUMMARY:Planlagt stopp i meldingstrafikk Helse Nord IKT\r\n'
       'DESCRIPTION:Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 77 66 90 00\r\n'
       'END:VEVENT\r\nEND:VCALENDAR\r\n')
case('planned-calendar-invitation.eml', message(std('Helse Nord IKT <drift@hnikt.no>', 'Planlagt stopp i meldingstrafikk Helse Nord IKT',
     'Tue, 20 May 2025 10:00:00 +0200', 'p50@hnikt.no'), multipart('mixed', [
    part('Hei,\n\nvi sender tidspunktet som en kalenderinvitasjon.\n'),
    ('Content-Type: text/calendar; charset="utf-8"; method=REQUEST\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' + ICS).encode('utf-8')])),
    category='planned', organisation='Helse Nord IKT', sender='drift@hnikt.no',
    windowStart='2025-06-10T18:00+02:00', windowEnd='2025-06-10T21:00+02:00', phone='+4777669000')

case('error-nynorsk-subject-and-form.eml', message(std('IKT Volda <ikt@volda.kommune.no>', 'Feil i meldingsutvekslinga Volda kommune',
     'Thu, 22 May 2025 09:40:00 +0200', 'e60@volda.kommune.no'), part(
    'Telefonnummer for mottak av pasientrelaterte opplysningar ved nedetid: 70 05 87 00\n'
    'Tidspunkt hendinga oppstod: 22.05.2025 kl. 08:30\n'
    'Berørt teneste (til dømes PLO eller helsestasjon): Dialogmeldingar\n'
    'Når normal e-meldingskommunikasjon er venta å vere på plass: ukjent\n')),
    category='error', receipt=True, organisation='Volda kommune', sender='ikt@volda.kommune.no',
    windowStart='2025-05-22T08:30+02:00', phone='+4770058700', services=['dialogmelding'], routes=['it-feil'], problems=['no-expected-end'])

case('planned-english-vendor.eml', message(std('CareSoft Operations <operations@caresoft.example>',
     'Planned downtime - message exchange, Orkland kommune 17.06.2025 20:00-22:00', 'Mon, 2 Jun 2025 14:00:00 +0200', 'p61@caresoft.example'), part(
    'Dear customer,\n\nWe will upgrade the message server on 17.06.2025 from 20:00 to 22:00. Messages are queued and delivered afterwards.\n'
    'Phone for patient information during the downtime: 72 40 00 00\n\nCareSoft Operations\n')),
    category='planned', organisation='Orkland kommune', sender='operations@caresoft.example',
    windowStart='2025-06-17T20:00+02:00', windowEnd='2025-06-17T22:00+02:00', phone='+4772400000')

case('auto-ticket-acknowledgement.eml', message(std('Service Desk <servicedesk@leverandor.example>',
     'INC0012345 Feil i meldingsutveksling', 'Fri, 23 May 2025 08:01:00 +0200', 'a62@leverandor.example'), part(
    'Din henvendelse er registrert med saksnummer INC0012345. Vi tar kontakt når saken er behandlet.\n\n'
    'Dette er en automatisk generert e-post. Ikke svar på denne e-posten.\n')),
    category='error', receipt=False, sender='servicedesk@leverandor.example', routes=['it-feil'], problems=['no-phone', 'no-time', 'no-expected-end'])

case('missing-receipt-typo-subject.eml', message(std('Fastlege Berg <post@bergfastlege.example>', 'Manglende kviteringer',
     'Fri, 23 May 2025 11:00:00 +0200', 'm63@bergfastlege.example'), part(
    'Hei, vi har ikke fått apprec på tre henvisninger sendt i går.\n')),
    category='missing-receipt', receipt=True, sender='post@bergfastlege.example', services=['henvisning'], routes=['it-feil'])

case('planned-iso-dates.eml', message(std('Drift <drift@selbu.kommune.no>', 'Planlagt stopp i meldingstrafikk Selbu kommune', 'Mon, 21 Apr 2025 08:00:00 +0200', 'p20@selbu.kommune.no'),
    part('Telefon (pasientrelatert): +47 73 81 67 00\nNedetid: 2025-05-06 18:00 - 2025-05-06 23:00\n')),
    category='planned', organisation='Selbu kommune', sender='drift@selbu.kommune.no',
    windowStart='2025-05-06T18:00+02:00', windowEnd='2025-05-06T23:00+02:00', phone='+4773816700')

case('planned-tonight.eml', message(std(TRH, 'Planlagt stopp i meldingstrafikk Trondheim kommune i kveld', 'Tue, 9 Sep 2025 12:00:00 +0200', 'p21@trondheim.kommune.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 54 00 00\nI dag kl 20-22 blir PLO-meldinger forsinket.\n')),
    category='planned', organisation='Trondheim kommune', sender='meldingsansvarlig@trondheim.kommune.no',
    windowStart='2025-09-09T20:00+02:00', windowEnd='2025-09-09T22:00+02:00', phone='+4772540000',
    services=['PLO'], routes=['pleie-og-omsorg'], problems=['late-notice'])

case('planned-raw-8bit-headers.eml', message(std('Bjørn Ås <bjorn.as@orkland.kommune.no>'.replace('bjorn.as@orkland', 'bjorn.as@orkland'),
     'Planlagt stopp i meldingstrafikk Hitra kommune 17.06.2025 kl 14:00-15:00', 'Mon, 2 Jun 2025 08:00:00 +0200', 'p22@hitra.kommune.no',
     to='Meldingsansvarlig Orkland <%s>' % ME), part('Telefonnummer for pasientrelatert informasjon: 72 44 17 00\nBerørt: fastlegene.\n')),
    category='planned', organisation='Hitra kommune', sender='bjorn.as@orkland.kommune.no',
    windowStart='2025-06-17T14:00+02:00', windowEnd='2025-06-17T15:00+02:00', phone='+4772441700', services=['fastlege'])

case('planned-shouted-subject.eml', message(std('DRIFT <drift@orkdal-ikt.no>', 'PLANLAGT STOPP I MELDINGSTRAFIKK SKAUN KOMMUNE',
     'Mon, 2 Jun 2025 08:00:00 +0200', 'p23@orkdal-ikt.no'),
    part('Telefon: 72 86 10 00\n\nOnsdag 18.06 fra 16-20 oppgraderer vi fagsystemet for pleie og omsorg.\n\nMvh\nDrift\nMobil 48 12 34 56\n')),
    category='planned', organisation='Skaun kommune', sender='drift@orkdal-ikt.no',
    windowStart='2025-06-18T16:00+02:00', windowEnd='2025-06-18T20:00+02:00', phone='+4772861000', services=['PLO'], routes=['pleie-og-omsorg'])

# ---------------------------------------------------------------- unplanned incidents
case('error-began-and-expected.eml', message(std('Legevakt Orkland <legevakt@orkland.kommune.no>', 'Feil i meldingsutveksling',
     'Wed, 12 Mar 2025 10:05:00 +0100', 'e1@orkland.kommune.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 48 00 00\n\nFeilen oppstod i dag kl 09:30. Ingen dialogmeldinger går ut.\n'
         'Leverandør er kontaktet. Forventet løst innen kl 14:00.\n')),
    category='error', receipt=True, sender='legevakt@orkland.kommune.no', organisation=None,
    windowStart='2025-03-12T09:30+01:00', windowEnd='2025-03-12T14:00+01:00', phone='+4772480000', services=['dialogmelding'], routes=['it-feil'])

case('error-no-expected-end.eml', message(std('Drift Hemne <drift@heim.kommune.no>', 'Feil i meldingsutveksling Heim kommune',
     'Thu, 13 Mar 2025 08:40:00 +0100', 'e2@heim.kommune.no'),
    part('Tlf for pasientrelaterte henvendelser: 72 46 00 00\n\nVi har hatt feil siden kl 07:15 i dag. Leverandør er kontaktet.\n')),
    category='error', receipt=True, organisation='Heim kommune', sender='drift@heim.kommune.no',
    windowStart='2025-03-13T07:15+01:00', phone='+4772460000', routes=['it-feil'], problems=['no-expected-end'])

reply = ('Takk, vi følger opp.\n\nHilsen Orkland\n\n-----Opprinnelig melding-----\nFra: Meldingsansvarlig Trondheim kommune <meldingsansvarlig@trondheim.kommune.no>\n'
         'Sendt: 12. mars 2025 08:00\nTil: meldingsansvarlig@orkland.kommune.no\nEmne: Feil i meldingsutveksling\n\n'
         'Telefonnummer for pasientrelatert informasjon: 72 54 00 00\nFeil fra kl 07:00. Forventet oppe igjen kl 12:00.\n')
case('error-reply-is-not-forward.eml', message(std('Trude Lie <trude.lie@orkland.kommune.no>', 'SV: Feil i meldingsutveksling',
     'Wed, 12 Mar 2025 08:30:00 +0100', 'e3@orkland.kommune.no', extra=[('In-Reply-To', '<x@trondheim.kommune.no>')]), part(reply)),
    category='error', receipt=True, organisation='Trondheim kommune', sender='trude.lie@orkland.kommune.no',
    windowStart='2025-03-12T07:00+01:00', windowEnd='2025-03-12T12:00+01:00', phone='+4772540000', routes=['it-feil'])

case('error-gateway-tag-yesterday.eml', message(std(HEMIT, '[EKSTERN] Feil i meldingsutveksling - St. Olavs hospital HF', 'Wed, 12 Mar 2025 07:10:00 +0100', 'e4@helse-midt.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 82 00 00\n\nFeilen startet 11.03 kl 22:00. Epikriser sendes ikke.\n'
         'Normal drift ventes 12.03 kl 12:00.\n')),
    category='error', receipt=True, organisation='St. Olavs hospital HF', sender='meldingsansvarlig@helse-midt.no',
    windowStart='2025-03-11T22:00+01:00', windowEnd='2025-03-12T12:00+01:00', phone='+4772820000', services=['epikrise'], routes=['it-feil'])

html5 = ('<div><p class="MsoNormal">Hei!</p><p class="MsoNormal">Vi har problemer med mottak av <b>lab-svar</b> og '
         'henvisninger fra kl.&nbsp;06:45 i dag.</p><p>Vi regner med at feilen er rettet i l&oslash;pet av dagen.</p>'
         '<p class="MsoNormal">Pasientrelatert informasjon: 73 86 60 00</p></div>')
case('error-html-outlook.eml', message(std('Helpdesk Stjørdal <servicedesk@stjordal.kommune.no>', 'Feil i meldingsutveksling – Stjørdal kommune',
     'Fri, 21 Mar 2025 07:30:00 +0100', 'e5@stjordal.kommune.no'), multipart('alternative', [part(html5, subtype='html', cte='quoted-printable')])),
    category='error', receipt=True, organisation='Stjørdal kommune', sender='servicedesk@stjordal.kommune.no',
    windowStart='2025-03-21T06:45+01:00', phone='+4773866000', services=['lab', 'henvisning'], routes=['it-feil'], problems=['no-expected-end'])

case('error-nynorsk-base64.eml', message(std('Drift <drift@orsta.kommune.no>', ew('Feil i meldingsutveksling Ørsta kommune', 'utf-8', 'B'),
     'Mon, 7 Apr 2025 09:00:00 +0200', 'e6@orsta.kommune.no'),
    part('Telefonnummer for pasientrelatert informasjon: 70 04 70 00\n\nFrå kl 08:00 i dag kjem ikkje tilvisingar og epikrisar fram.\n'
         'Venta oppe att kl 13:00.\n', cte='base64')),
    category='error', receipt=True, organisation='Ørsta kommune', sender='drift@orsta.kommune.no',
    windowStart='2025-04-07T08:00+02:00', phone='+4770047000', services=['epikrise', 'henvisning'], routes=['it-feil'], problems=['no-expected-end'])

case('missing-receipt.eml', message(std(TRH, 'Manglende kvittering', 'Tue, 8 Apr 2025 10:00:00 +0200', 'm1@trondheim.kommune.no'),
    part('Vi har ikke mottatt applikasjonskvittering på PLO-melding sendt 07.04 kl 14:12.\n')),
    category='missing-receipt', receipt=True, organisation='Trondheim kommune', sender='meldingsansvarlig@trondheim.kommune.no',
    windowStart='2025-04-07T14:12+02:00', services=['PLO'], routes=['pleie-og-omsorg', 'it-feil'])

case('missing-receipt-plural.eml', message(std(HEMIT, 'Manglende applikasjonskvitteringer fra Orkland kommune', 'Tue, 8 Apr 2025 11:00:00 +0200', 'm2@helse-midt.no'),
    part('St. Olavs hospital HF mangler kvitteringer for epikriser sendt i går.\n')),
    category='missing-receipt', receipt=True, organisation='Orkland kommune', sender='meldingsansvarlig@helse-midt.no',
    services=['epikrise'], routes=['it-feil'])

case('important-info.eml', message(std(HEMIT, 'Viktig informasjon vedrørende meldingsutveksling', 'Wed, 2 Apr 2025 15:00:00 +0200', 'i1@helse-midt.no'),
    part('Telefonnummer for pasientrelatert informasjon: 72 82 00 00\n\nFra 02.04.2025 kl 14:00 er det forsinkelser på alle meldinger fra '
         'Helse Midt-Norge. Forventet normal drift 03.04.2025 kl 08:00.\n')),
    category='important-info', receipt=True, organisation='Hemit', sender='meldingsansvarlig@helse-midt.no',
    windowStart='2025-04-02T14:00+02:00', windowEnd='2025-04-03T08:00+02:00', phone='+4772820000')

case('important-info-short.eml', message(std('Drift <drift@oppdal.kommune.no>', 'Viktig info vedr. meldingsutveksling Oppdal kommune', 'Thu, 3 Apr 2025 09:00:00 +0200', 'i2@oppdal.kommune.no'),
    part('Fastlegene i Oppdal får ikke sendt henvisninger.\n')),
    category='important-info', receipt=True, organisation='Oppdal kommune', sender='drift@oppdal.kommune.no',
    services=['fastlege', 'henvisning'], problems=['no-phone', 'no-time', 'no-expected-end'])

case('important-info-day-in-subject-hour-in-body.eml', message(std('Norsk Helsenett <kundesenter@nhn.no>',
     'Viktig informasjon vedrørende meldingsutveksling - nytt sertifikat fra 1. juni', 'Mon, 5 May 2025 10:00:00 +0200', 'i3@nhn.no'),
    part('Telefon for pasientrelatert informasjon: 24 20 00 00\n\nNorsk Helsenett bytter virksomhetssertifikat 1. juni 2025 kl. 08:00.\n'
         'Alle må oppdatere adresseregisteret før laboratoriesvar og epikriser kan sendes.\n')),
    category='important-info', receipt=True, organisation='Norsk Helsenett', sender='kundesenter@nhn.no', windowStart='2025-06-01T08:00+02:00', phone='+4724200000',
    services=['epikrise', 'lab'], problems=['no-expected-end'])

case('planned-labelled-date-and-time-lines.eml', message(std('IT Steinkjer <it@steinkjer.kommune.no>', 'Planlagt stopp i meldingstrafikk - Steinkjer kommune',
     'Thu, 20 Feb 2025 09:00:00 +0100', 'p31@steinkjer.kommune.no'),
    part('Dato: 12.03.2025\nTid: 16:00 - 20:00\nTelefon for pasientrelatert informasjon: 74 16 90 00\n\n'
         'Berørte tjenester: pleie- og omsorgsmeldinger og legevakt.\n')),
    category='planned', organisation='Steinkjer kommune', sender='it@steinkjer.kommune.no',
    windowStart='2025-03-12T16:00+01:00', windowEnd='2025-03-12T20:00+01:00', phone='+4774169000',
    services=['PLO', 'legevakt'], routes=['pleie-og-omsorg'])

case('error-yesterday-expected-within-short-number.eml', message(std('Drift <drift@helse-forde.no>', 'Feil i meldingsutveksling',
     'Thu, 20 Feb 2025 09:00:00 +0100', 'e30@helse-forde.no'),
    part('Feilen oppstod ca. kl. 14.30 i går. Vi regner med at feilen er rettet innen kl 16 i dag.\n'
         'Berørt: henvisninger. Kontaktperson: Per, tlf 480 12 345\nPasientrelaterte henvendelser: 03525\n\nHelse Førde HF\n')),
    category='error', receipt=True, organisation='Helse Førde HF', sender='drift@helse-forde.no',
    windowStart='2025-02-19T14:30+01:00', windowEnd='2025-02-20T16:00+01:00', phone='+4703525',
    services=['henvisning'], routes=['it-feil'])

case('planned-start-and-duration.eml', message(std('IT Frøya <it@froya.kommune.no>', 'Planlagt stopp i meldingstrafikk Frøya kommune',
     'Mon, 2 Mar 2026 10:00:00 +0100', 'p32@froya.kommune.no'),
    part('Telefon for pasientrelaterte spørsmål: 72 46 30 00\n\nOppgraderingen av fagsystemet starter kl 18:00 onsdag 11.03 '
         'og varer i ca. 3 timer. Helsestasjonen får ikke sendt meldinger i perioden.\n')),
    category='planned', organisation='Frøya kommune', sender='it@froya.kommune.no',
    windowStart='2026-03-11T18:00+01:00', windowEnd='2026-03-11T21:00+01:00', phone='+4772463000',
    services=['helsestasjon'], routes=['helsestasjon'])

case('planned-known-partner-in-subject.eml', message(std('Helseplattformen <meldingsansvarlig@helseplattformen.no>',
     'Planlagt stopp/forsinkelse i meldingstrafikk Helseplattformen 12.03.2026 kl. 22:00-02:00', 'Mon, 2 Mar 2026 10:00:00 +0100', 'p33@helseplattformen.no'),
    part('Telefon for pasientrelatert informasjon: 72 57 30 00\n\nGjelder St. Olavs hospital HF, Helse Møre og Romsdal HF og kommunene i Midt-Norge. '
         'Epikriser og henvisninger blir liggende i kø.\n')),
    category='planned', organisation='Helseplattformen', sender='meldingsansvarlig@helseplattformen.no',
    windowStart='2026-03-12T22:00+01:00', windowEnd='2026-03-13T02:00+01:00', phone='+4772573000',
    services=['epikrise', 'henvisning'])

# ---------------------------------------------------------------- forwards
notice = ('Telefonnummer for pasientrelatert informasjon: 72 82 00 00\n\nFeil i mottak av epikriser fra kl 08:10 i dag.\n'
          'Forventet løst kl 11:00.\n\nMed vennlig hilsen\nHemit\nTlf 73 86 00 00\n')
case('forward-outlook-norwegian-internal.eml', message(std('Ola Nordmann <ola.nordmann@orkland.kommune.no>', 'VS: Feil i meldingsutveksling St. Olavs hospital HF',
     'Thu, 10 Apr 2025 09:00:00 +0200', 'f1@orkland.kommune.no'),
    part('Sender denne videre til rett adresse.\n\nOla\nTlf 99 88 77 66\n\n________________________________\n'
         'Fra: Meldingsansvarlig Hemit <meldingsansvarlig@helse-midt.no>\nSendt: torsdag 10. april 2025 08:20\n'
         'Til: Ola Nordmann <ola.nordmann@orkland.kommune.no>\nEmne: Feil i meldingsutveksling St. Olavs hospital HF\n\n' + notice)),
    category='error', receipt=True, organisation='St. Olavs hospital HF', sender='meldingsansvarlig@helse-midt.no',
    forwardedBy='ola.nordmann@orkland.kommune.no', windowStart='2025-04-10T08:10+02:00', windowEnd='2025-04-10T11:00+02:00',
    phone='+4772820000', services=['epikrise'], routes=['it-feil'], receiptTo='meldingsansvarlig@helse-midt.no')

case('forward-outlook-english.eml', message(std('Ola Nordmann <ola.nordmann@orkland.kommune.no>', 'FW: Planned downtime',
     'Thu, 10 Apr 2025 09:00:00 +0200', 'f2@orkland.kommune.no'),
    part('FYI\n\n-----Original Message-----\nFrom: Service Desk <servicedesk@dips.no>\nSent: Wednesday, April 9, 2025 3:12 PM\n'
         'To: Ola Nordmann <ola.nordmann@orkland.kommune.no>\nSubject: Planlagt stopp i meldingstrafikk Orkland kommune 24.04.2025 kl 18:00-21:00\n\n'
         'Telefonnummer for pasientrelatert informasjon: 72 48 00 00\nPLO-meldinger vil bli forsinket.\n')),
    category='planned', organisation='Orkland kommune', sender='servicedesk@dips.no', forwardedBy='ola.nordmann@orkland.kommune.no',
    windowStart='2025-04-24T18:00+02:00', windowEnd='2025-04-24T21:00+02:00', phone='+4772480000', services=['PLO'], routes=['pleie-og-omsorg'])

case('forward-gmail-english.eml', message(std('Kari <kari.orkland@gmail.com>', 'Fwd: Feil i meldingsutveksling',
     'Fri, 11 Apr 2025 10:00:00 +0200', 'f3@mail.gmail.com'),
    multipart('alternative', [part('Se under\n\n---------- Forwarded message ---------\nFrom: Drift Hitra <drift@hitra.kommune.no>\n'
                                   'Date: Fri, Apr 11, 2025 at 9:02 AM\nSubject: Feil i meldingsutveksling Hitra kommune\nTo: <kari.orkland@gmail.com>\n\n'
                                   'Pasientrelaterte henvendelser: 72 44 17 00\nFeil siden kl 08:30. Forventet løst kl 10:30.\n'),
                              part('<div dir="ltr">Se under<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>'
                                   'From: <strong>Drift Hitra</strong> &lt;drift@hitra.kommune.no&gt;<br>Date: Fri, Apr 11, 2025 at 9:02 AM<br>'
                                   'Subject: Feil i meldingsutveksling Hitra kommune<br>To: &lt;kari.orkland@gmail.com&gt;<br></div><br>'
                                   'Pasientrelaterte henvendelser: 72 44 17 00<br>Feil siden kl 08:30. Forventet løst kl 10:30.</div></div>', subtype='html')])),
    category='error', receipt=True, organisation='Hitra kommune', sender='drift@hitra.kommune.no', forwardedBy='kari.orkland@gmail.com',
    windowStart='2025-04-11T08:30+02:00', windowEnd='2025-04-11T10:30+02:00', phone='+4772441700', routes=['it-feil'],
    receiptTo='kari.orkland@gmail.com')

case('forward-gmail-norwegian.eml', message(std('Per Olsen <per.olsen@orkland.kommune.no>', 'Fwd: Planlagt stopp',
     'Fri, 11 Apr 2025 10:00:00 +0200', 'f4@orkland.kommune.no'),
    part('---------- Videresendt melding ----------\nFra: Meldingsansvarlig <meldingsansvarlig@frosta.kommune.no>\n'
         'Dato: fre. 11. apr. 2025 kl. 08:00\nEmne: Planlagt stopp i meldingstrafikk Frosta kommune 28.04.2025 kl 16:00-18:00\n'
         'Til: <per.olsen@orkland.kommune.no>\n\nTelefonnummer for pasientrelatert informasjon: 74 80 88 00\n')),
    category='planned', organisation='Frosta kommune', sender='meldingsansvarlig@frosta.kommune.no', forwardedBy='per.olsen@orkland.kommune.no',
    windowStart='2025-04-28T16:00+02:00', windowEnd='2025-04-28T18:00+02:00', phone='+4774808800')

case('forward-thunderbird-english.eml', message(std('Lise <lise@orkland.kommune.no>', 'Fwd: Manglende kvittering',
     'Mon, 14 Apr 2025 10:00:00 +0200', 'f5@orkland.kommune.no', extra=[('User-Agent', 'Mozilla Thunderbird')]),
    part('\n\n\n-------- Forwarded Message --------\nSubject: \tManglende kvittering\nDate: \tMon, 14 Apr 2025 08:00:00 +0200\n'
         'From: \tFastlege Hansen <post@hansenlegekontor.no>\nTo: \tlise@orkland.kommune.no\n\n\nVi mangler kvittering på dialogmelding sendt fredag.\n')),
    category='missing-receipt', receipt=True, sender='post@hansenlegekontor.no', forwardedBy='lise@orkland.kommune.no',
    services=['dialogmelding'], routes=['it-feil'], receiptTo='post@hansenlegekontor.no')

case('forward-thunderbird-norwegian.eml', message(std('Lise <lise@orkland.kommune.no>', 'VS: Viktig informasjon',
     'Mon, 14 Apr 2025 10:00:00 +0200', 'f6@orkland.kommune.no', extra=[('User-Agent', 'Mozilla Thunderbird')]),
    part('-------- Videresendt melding --------\nEmne: \tViktig informasjon vedrørende meldingsutveksling\nDato: \tMon, 14 Apr 2025 07:55:00 +0200\n'
         'Fra: \tHemit <meldingsansvarlig@helse-midt.no>\nTil: \tlise@orkland.kommune.no\n\n'
         'Telefonnummer for pasientrelatert informasjon: 72 82 00 00\nForsinkelser fra kl 07:30. Forventet normal drift kl 09:00.\n')),
    category='important-info', receipt=True, organisation='Hemit', sender='meldingsansvarlig@helse-midt.no', forwardedBy='lise@orkland.kommune.no',
    windowStart='2025-04-14T07:30+02:00', windowEnd='2025-04-14T09:00+02:00', phone='+4772820000',
    receiptTo='meldingsansvarlig@helse-midt.no')

case('forward-twice-between-colleagues.eml', message(std('Leder <leder@orkland.kommune.no>', 'VS: VS: Feil i meldingsutveksling St. Olavs hospital HF',
     'Thu, 10 Apr 2025 11:00:00 +0200', 'f9@orkland.kommune.no'),
    part('Videresender.\n\nFra: Ola Nordmann <ola.nordmann@orkland.kommune.no>\nSendt: torsdag 10. april 2025 10:00\n'
         'Til: Leder <leder@orkland.kommune.no>\nEmne: VS: Feil i meldingsutveksling St. Olavs hospital HF\n\nFYI\n\n'
         'Fra: Meldingsansvarlig Hemit <meldingsansvarlig@helse-midt.no>\nSendt: torsdag 10. april 2025 08:30\n'
         'Til: meldingsansvarlig@orkland.kommune.no\nEmne: Feil i meldingsutveksling St. Olavs hospital HF\n\n' + notice)),
    category='error', receipt=True, organisation='St. Olavs hospital HF', sender='meldingsansvarlig@helse-midt.no',
    forwardedBy='leder@orkland.kommune.no', windowStart='2025-04-10T08:10+02:00', windowEnd='2025-04-10T11:00+02:00',
    phone='+4772820000', services=['epikrise'], routes=['it-feil'], receiptTo='meldingsansvarlig@helse-midt.no')

case('forward-written-like-a-reply.eml', message(std('Ola Nordmann <ola.nordmann@orkland.kommune.no>', 'VS: Feil i meldingsutveksling St. Olavs hospital HF',
     'Thu, 10 Apr 2025 11:00:00 +0200', 'f10@orkland.kommune.no'),
    part('Til info.\n\nDen 10.04.2025 08:30, skrev Meldingsansvarlig Hemit <meldingsansvarlig@helse-midt.no>:\n'
         + ''.join('> ' + line + '\n' for line in notice.split('\n')))),
    category='error', receipt=True, organisation='St. Olavs hospital HF', sender='meldingsansvarlig@helse-midt.no',
    forwardedBy='ola.nordmann@orkland.kommune.no', windowStart='2025-04-10T08:10+02:00', windowEnd='2025-04-10T11:00+02:00',
    phone='+4772820000', services=['epikrise'], routes=['it-feil'], receiptTo='meldingsansvarlig@helse-midt.no')

inner = message(std('Meldingsansvarlig <meldingsansvarlig@rindal.kommune.no>', 'Planlagt stopp i meldingstrafikk Rindal kommune 05.05.2025 kl. 12:00 - 13:00',
                    'Tue, 15 Apr 2025 12:00:00 +0200', 'inner7@rindal.kommune.no'),
                part('Telefonnummer for pasientrelatert informasjon: 71 66 40 00\nGjelder helsestasjon.\n'))
case('forward-rfc822-attachment.eml', message(std('Ola Nordmann <ola.nordmann@orkland.kommune.no>', 'VS: varsel',
     'Wed, 16 Apr 2025 09:00:00 +0200', 'f7@orkland.kommune.no'), multipart('mixed', [part('Videresender som vedlegg.\n'), rfc822(inner)])),
    category='planned', organisation='Rindal kommune', sender='meldingsansvarlig@rindal.kommune.no', forwardedBy='ola.nordmann@orkland.kommune.no',
    windowStart='2025-05-05T12:00+02:00', windowEnd='2025-05-05T13:00+02:00', phone='+4771664000', services=['helsestasjon'], routes=['helsestasjon'])

case('forward-apple-mail.eml', message(std('Ola <ola.nordmann@orkland.kommune.no>', 'Fwd: Feil i meldingsutveksling',
     'Thu, 17 Apr 2025 09:00:00 +0200', 'f8@orkland.kommune.no', extra=[('X-Mailer', 'Apple Mail (2.3774)')]),
    part('Sendt fra min iPhone\n\nStart på videresendt melding:\n\nFra: Drift Rennebu <drift@rennebu.kommune.no>\n'
         'Dato: 17. april 2025 kl. 08:45:12 CEST\nTil: ola.nordmann@orkland.kommune.no\nEmne: Feil i meldingsutveksling Rennebu kommune\n\n'
         'Telefon for pasientrelaterte spørsmål: 72 42 81 00\nIngen PLO-meldinger går ut siden kl 08:00.\n')),
    category='error', receipt=True, organisation='Rennebu kommune', sender='drift@rennebu.kommune.no', forwardedBy='ola.nordmann@orkland.kommune.no',
    windowStart='2025-04-17T08:00+02:00', phone='+4772428100', services=['PLO'], routes=['pleie-og-omsorg', 'it-feil'],
    problems=['no-expected-end'], receiptTo='drift@rennebu.kommune.no')

case('forward-misleading-outer-subject.eml', message(std('Per Olsen <per.olsen@orkland.kommune.no>', 'Til info',
     'Tue, 22 Apr 2025 10:00:00 +0200', 'f9@orkland.kommune.no'),
    part('Kom til meg ved en feil.\n\n---------- Forwarded message ---------\nFrom: Meldingsansvarlig <meldingsansvarlig@skaun.kommune.no>\n'
         'Date: Tue, Apr 22, 2025 at 8:00 AM\nSubject: Planlagt stopp i meldingstrafikk Skaun kommune 06.05.2025 kl 15:00-17:00\n'
         'To: <per.olsen@orkland.kommune.no>\n\nTelefonnummer for pasientrelatert informasjon: 72 86 10 00\n')),
    category='planned', organisation='Skaun kommune', sender='meldingsansvarlig@skaun.kommune.no', forwardedBy='per.olsen@orkland.kommune.no',
    windowStart='2025-05-06T15:00+02:00', windowEnd='2025-05-06T17:00+02:00', phone='+4772861000')

html10 = ('<html><body><p>Til orientering.</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
          '<p class="MsoNormal"><b>Fra:</b> Meldingsansvarlig Hemit &lt;meldingsansvarlig@helse-midt.no&gt;<br>'
          '<b>Sendt:</b> onsdag 23. april 2025 07:48<br><b>Til:</b> Ola Nordmann &lt;ola.nordmann@orkland.kommune.no&gt;<br>'
          '<b>Emne:</b> Feil i meldingsutveksling Helse Nord-Trøndelag HF</p></div>'
          '<p>Telefonnummer for pasientrelatert informasjon: 74 09 80 00</p><p>Feilen oppstod kl 07:00. Forventet løst kl 09:30.</p></body></html>')
case('forward-outlook-html-only.eml', message(std('Ola Nordmann <ola.nordmann@orkland.kommune.no>', 'VS: Feil i meldingsutveksling Helse Nord-Trøndelag HF',
     'Wed, 23 Apr 2025 08:00:00 +0200', 'f10@orkland.kommune.no'), part(html10, subtype='html', cte='quoted-printable')),
    category='error', receipt=True, organisation='Helse Nord-Trøndelag HF', sender='meldingsansvarlig@helse-midt.no',
    forwardedBy='ola.nordmann@orkland.kommune.no', windowStart='2025-04-23T07:00+02:00', windowEnd='2025-04-23T09:30+02:00',
    phone='+4774098000', routes=['it-feil'], receiptTo='meldingsansvarlig@helse-midt.no')

case('forward-by-external-partner.eml', message(std(HEMIT, 'VS: Feil i meldingsutveksling', 'Thu, 24 Apr 2025 09:00:00 +0200', 'f11@helse-midt.no'),
    part('Til kommunene: se melding fra leverandør under.\n\nFrom: Support <support@leverandor.no>\nSent: 24. april 2025 08:30\n'
         'To: meldingsansvarlig@helse-midt.no\nSubject: Feil i meldingsutveksling\n\nTelefon for pasientrelatert informasjon: 22 33 44 55\n'
         'Feil i meldingsutveksling siden kl 08:00.\n')),
    category='error', receipt=True, sender='support@leverandor.no', forwardedBy='meldingsansvarlig@helse-midt.no',
    windowStart='2025-04-24T08:00+02:00', phone='+4722334455', routes=['it-feil'], problems=['no-expected-end'],
    receiptTo='meldingsansvarlig@helse-midt.no')

case('forward-late-but-announced-in-time.eml', message(std('Ola Nordmann <ola.nordmann@orkland.kommune.no>', 'VS: Planlagt stopp i meldingstrafikk Orkland kommune',
     'Mon, 10 Mar 2025 08:00:00 +0100', 'f12@orkland.kommune.no'),
    part('Fant denne i innboksen min.\n\nFra: IKT Orkland <ikt@orkland.kommune.no>\nSendt: mandag 3. mars 2025 09:12\nTil: Ola Nordmann\n'
         'Emne: Planlagt stopp i meldingstrafikk Orkland kommune\n\nTelefonnummer for pasientrelatert informasjon: 72 48 00 00\n'
         'Stoppen skjer 12.03 kl 16-20.\n')),
    category='planned', organisation='Orkland kommune', sender='ikt@orkland.kommune.no', forwardedBy='ola.nordmann@orkland.kommune.no',
    windowStart='2025-03-12T16:00+01:00', windowEnd='2025-03-12T20:00+01:00', phone='+4772480000')

# ---------------------------------------------------------------- automatic mail
case('auto-reply-out-of-office.eml', message(std('Trude Lie <trude.lie@trondheim.kommune.no>', 'Automatisk svar: Feil i meldingsutveksling',
     'Mon, 5 May 2025 09:00:00 +0200', 'a1@trondheim.kommune.no', extra=[('Auto-Submitted', 'auto-replied'), ('X-Auto-Response-Suppress', 'All')]),
    part('Jeg er på ferie til 12. mai.\n')),
    category='automatic', receipt=False, sender='trude.lie@trondheim.kommune.no', routes=[])

dsn = multipart('report; report-type=delivery-status', [part('Delivery to the following recipient failed permanently:\n\n  plo@orkland.kommune.no\n'),
                b'Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.orkland.kommune.no\r\n\r\nFinal-Recipient: rfc822; plo@orkland.kommune.no\r\nAction: failed\r\nStatus: 5.1.1\r\n'])
case('auto-dsn.eml', message(std('Mail Delivery System <MAILER-DAEMON@mx.orkland.kommune.no>', 'Undelivered Mail Returned to Sender',
     'Mon, 5 May 2025 09:00:00 +0200', 'a2@mx.orkland.kommune.no', extra=[('Auto-Submitted', 'auto-replied')]), dsn),
    category='automatic', sender='mailer-daemon@mx.orkland.kommune.no', routes=[])

case('auto-newsletter-list.eml', message(std('KS <nyhetsbrev@ks.no>', 'Nyhetsbrev e-helse mai', 'Mon, 5 May 2025 09:00:00 +0200', 'a3@ks.no',
     extra=[('List-Id', '<ehelse.ks.no>'), ('List-Unsubscribe', '<mailto:unsubscribe@ks.no>'), ('Precedence', 'list')]),
    part('Nytt om meldingsutveksling og PLO.\n')),
    category='automatic', sender='nyhetsbrev@ks.no', services=['PLO'], routes=[])

case('auto-noreply-planned.eml', message(std('Norsk helsenett <noreply@nhn.no>', 'Planlagt stopp i meldingstrafikk Norsk helsenett 20.05.2025 kl 22:00-23:59',
     'Mon, 5 May 2025 09:00:00 +0200', 'a4@nhn.no'), part('Telefonnummer for pasientrelatert informasjon: 24 20 00 00\n')),
    category='planned', organisation='Norsk Helsenett', sender='noreply@nhn.no', windowStart='2025-05-20T22:00+02:00', windowEnd='2025-05-20T23:59+02:00', phone='+4724200000')

case('auto-read-receipt.eml', message(std('Trude Lie <trude.lie@trondheim.kommune.no>', 'Lest: Feil i meldingsutveksling', 'Mon, 5 May 2025 09:00:00 +0200', 'a5@trondheim.kommune.no'),
    multipart('report; report-type=disposition-notification', [part('Meldingen er lest.\n'),
              b'Content-Type: message/disposition-notification\r\n\r\nFinal-Recipient: rfc822; trude.lie@trondheim.kommune.no\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n'])),
    category='automatic', sender='trude.lie@trondheim.kommune.no', routes=[])

case('auto-loop-from-self.eml', message(std('Meldingsansvarlig Orkland <%s>' % ME, 'Feil i meldingsutveksling', 'Mon, 5 May 2025 09:00:00 +0200', 'a6@orkland.kommune.no'),
    part('Kopi av vårt eget svar.\n')),
    category='automatic', sender=ME, routes=[])

case('auto-precedence-bulk.eml', message(std('Helsedirektoratet <ikke-svar@helsedir.no>', 'Oppdatert veileder', 'Mon, 5 May 2025 09:00:00 +0200', 'a7@helsedir.no',
     extra=[('Precedence', 'bulk')]), part('Ny versjon av veilederen.\n')),
    category='automatic', sender='ikke-svar@helsedir.no', routes=[])

# ---------------------------------------------------------------- not notices
case('unknown-course-invitation.eml', message(std('Kurs <kurs@ks.no>', 'Invitasjon til kurs i meldingsutveksling', 'Mon, 5 May 2025 09:00:00 +0200', 'u1@ks.no'),
    part('Velkommen til kurs 12.06.2025 kl 09:00-15:00.\n')),
    category='unknown', receipt=True, sender='kurs@ks.no')

case('unknown-invoice.eml', message(std('Faktura <faktura@leverandor.no>', 'Feil faktura', 'Mon, 5 May 2025 09:00:00 +0200', 'u2@leverandor.no'),
    part('Fakturaen for april har feil beløp.\n')),
    category='unknown', receipt=True, sender='faktura@leverandor.no')

case('unknown-christmas-party.eml', message(std('Anne <anne@orkland.kommune.no>', 'Planlegging av julebord', 'Mon, 5 May 2025 09:00:00 +0200', 'u3@orkland.kommune.no'),
    part('Hvem blir med?\n')),
    category='unknown', receipt=True, sender='anne@orkland.kommune.no')

case('unknown-coffee-stop.eml', message(std('Kantina <kantine@orkland.kommune.no>', 'SV: Spørsmål om stopp i leveranse av kaffe', 'Mon, 5 May 2025 09:00:00 +0200', 'u4@orkland.kommune.no'),
    part('Leveransen kommer fredag.\n')),
    category='unknown', receipt=True, sender='kantine@orkland.kommune.no')

case('unknown-webmail-latin1-8bit.eml', message(std('Bjørg <bjorg@online.no>', ew('Spørsmål om e-resept', 'iso-8859-1'), 'Mon, 5 May 2025 09:00:00 +0200', 'u5@online.no',
     extra=[('User-Agent', 'Roundcube Webmail/1.6.9')]), part('Hvorfor får jeg ikke hentet resepten på apoteket? Ring meg på 912 34 567.\n', charset='iso-8859-1')),
    category='unknown', receipt=True, sender='bjorg@online.no')

case('unknown-gmail-html-newsletterish.eml', message(std('Lars <lars.meland@gmail.com>', 'Stopp i strømmen på Fannrem?', 'Mon, 5 May 2025 09:00:00 +0200', 'u6@mail.gmail.com'),
    multipart('alternative', [part('Er det strømstans i dag?\n'), part('<div dir="ltr">Er det str&oslash;mstans i dag?</div>', subtype='html')])),
    category='unknown', receipt=True, sender='lars.meland@gmail.com')

case('unknown-planned-parking-maintenance.eml', message(std('Eiendom <eiendom@orkland.kommune.no>', 'Planlagt vedlikehold av parkeringsplassen', 'Mon, 5 May 2025 09:00:00 +0200', 'u7@orkland.kommune.no'),
    part('Parkeringsplassen ved rådhuset stenges 12.05.2025 fra kl. 07:00 til 15:00. Ring 72 48 00 00 ved spørsmål.\n')),
    category='unknown', receipt=True, sender='eiendom@orkland.kommune.no')

case('planned-maintenance-dips.eml', message(std('IKT drift <ikt@helse-mr.no>', 'Planlagt vedlikehold DIPS Arena 20.05.2025 kl 16:00 - 21.05.2025 kl 02:00', 'Mon, 5 May 2025 09:00:00 +0200', 'p30@helse-mr.no'),
    part('Kontakt for pasientrelatert informasjon i nedetiden: 70 10 50 00 (sentralbord)\nDet gjelder alle meldinger fra DIPS Arena, også svar på laboratorieprøver.\n')),
    category='planned', sender='ikt@helse-mr.no', windowStart='2025-05-20T16:00+02:00', windowEnd='2025-05-21T02:00+02:00', phone='+4770105000',
    services=['lab'])


def stamped(data):
    """What the organisation's own receiving server writes on top of every message it accepts:
    its Received line and, above it, its DMARC verdict (config.yaml trusts mx.orkland.kommune.no).
    Every corpus message is genuine mail from the sender it names."""
    head = data.split(b'\r\n\r\n', 1)[0].decode('utf-8', 'replace')
    domain = 'invalid'
    for line in head.split('\r\n'):
        if line.lower().startswith('from:') and '@' in line:
            domain = line.rsplit('@', 1)[1].split('>')[0].strip().lower()
            break
    top = ('Authentication-Results: mx.orkland.kommune.no;\r\n\tdkim=pass header.d=%s;\r\n\tdmarc=pass (p=quarantine) header.from=%s\r\n'
           'Received: from mail.%s by mx.orkland.kommune.no (Postfix) with ESMTPS; Mon, 10 Mar 2025 08:00:00 +0100\r\n' % (domain, domain, domain))
    return top.encode('ascii') + data


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith('.eml'):
            os.remove(os.path.join(OUT, f))
    with open(os.path.join(OUT, 'expected.jsonl'), 'w', encoding='utf-8') as exp:
        for name, data, expected in cases:
            with open(os.path.join(OUT, name), 'wb') as f:
                f.write(stamped(data))
            exp.write(json.dumps(dict(file=name, **expected), ensure_ascii=False) + '\n')
    print('%d messages written to %s' % (len(cases), OUT))


if __name__ == '__main__':
    main()
