/**
 * Mail texts: Markdown files with Mustache variables and a {@code subject:} front matter, rendered
 * to plain text and HTML. Values are escaped for Markdown and HTML; an organisation's own
 * template directory overrides the defaults file by file.
 */
package no.meldingsvakt.template;
