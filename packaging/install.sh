#!/usr/bin/env bash
# Installs Meldingsvakt as a systemd service on Debian/Ubuntu (as root):
#   packaging/install.sh target/meldingsvakt.jar
# Layout: /opt/meldingsvakt/meldingsvakt.jar, /etc/meldingsvakt/{meldingsvakt.yaml,meldingsvakt.env},
# /var/lib/meldingsvakt (the store, 0700), user and group meldingsvakt. An existing config or env file is kept.
set -euo pipefail
jar=${1:?usage: install.sh path/to/meldingsvakt.jar}
here=$(cd "$(dirname "$0")" && pwd)
getent group meldingsvakt >/dev/null || groupadd --system meldingsvakt
id meldingsvakt >/dev/null 2>&1 || useradd --system --gid meldingsvakt --home-dir /var/lib/meldingsvakt --no-create-home \
  --shell /usr/sbin/nologin meldingsvakt
install -d -m 0755 /opt/meldingsvakt
install -m 0644 "$jar" /opt/meldingsvakt/meldingsvakt.jar
install -d -m 0750 -g meldingsvakt /etc/meldingsvakt
install -d -m 0700 -o meldingsvakt -g meldingsvakt /var/lib/meldingsvakt
if [ ! -e /etc/meldingsvakt/meldingsvakt.yaml ]; then
  sed 's#path: ./data/meldingsvakt.db#path: /var/lib/meldingsvakt/meldingsvakt.db#' "$here/../config.example.yaml" \
    > /etc/meldingsvakt/meldingsvakt.yaml
  chmod 0640 /etc/meldingsvakt/meldingsvakt.yaml; chgrp meldingsvakt /etc/meldingsvakt/meldingsvakt.yaml
fi
[ -e /etc/meldingsvakt/meldingsvakt.env ] || install -m 0600 "$here/systemd/meldingsvakt.env.example" /etc/meldingsvakt/meldingsvakt.env
install -m 0644 "$here/systemd/meldingsvakt.service" /etc/systemd/system/meldingsvakt.service
systemctl daemon-reload 2>/dev/null || true
echo "Installed. Edit /etc/meldingsvakt/meldingsvakt.yaml and meldingsvakt.env, then:"
echo "  java -jar /opt/meldingsvakt/meldingsvakt.jar check-config --connect --config /etc/meldingsvakt/meldingsvakt.yaml"
echo "  systemctl enable --now meldingsvakt"
