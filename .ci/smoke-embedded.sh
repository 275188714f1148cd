#!/usr/bin/env bash
# Starts the embedded supergraph exactly as a newcomer would (`pnpm start`, no servers), queries it through
# the gateway, finds the demo shop's history in the read models (best-sellers, alsoBought, the month's sales), signs
# up and reads `me`, runs the SDK's mobile example and finds its receipt written as an .eml file
# under the data directory's mail/ (no SMTP_URL), then stops it with SIGTERM and expects a clean exit.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL REDIS_URL SMTP_URL MAIL_DIR
# Ports away from the defaults so a developer's running supergraph does not collide with CI.
export PORT=14000 USERS_PORT=14001 PRODUCTS_PORT=14002 INVENTORY_PORT=14003 ORDERS_PORT=14004 PAYMENTS_PORT=14005 REVIEWS_PORT=14006 SEARCH_PORT=14007
export NOTIFICATIONS_PORT=14008 RECOMMENDATIONS_PORT=14009 ANALYTICS_PORT=14010
export LOG_LEVEL=warn
export DATA_DIR; DATA_DIR="$(mktemp -d)"
log="$DATA_DIR/start.log"
url="http://127.0.0.1:$PORT/graphql"

gql() { curl -sS -X POST "$url" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }

# The same program `pnpm start` runs after its build step (CI has built already); run directly so SIGTERM
# reaches it, not the pnpm wrapper.
node packages/supergraph/dist/start-embedded.js >"$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT

started=$(date +%s)
query='{"query":"{ products(first: 5) { edges { node { name price { formatted } } } } }"}'
until body=$(gql "$query" 2>/dev/null) && [ "$(echo "$body" | grep -o '"formatted"' | wc -l)" -eq 5 ]; do
  if ! kill -0 $pid 2>/dev/null; then echo "pnpm start exited:"; cat "$log"; exit 1; fi
  if [ $(( $(date +%s) - started )) -gt 120 ]; then echo "no answer within 120 s:"; cat "$log"; exit 1; fi
  sleep 1
done
echo "5 products after $(( $(date +%s) - started )) s: $body" | cut -c1-200

# The demo shop's history reached the read models through the bus (products, stock and past sales announced by the
# seeds): best-sellers for the home page, a bundle partner for the laptop's page, and a month of sales for the admin.
until popular=$(gql '{"query":"{ popularProducts(first: 4) { name } }"}') && echo "$popular" | grep -q 'JBL Flip 6'; do
  if [ $(( $(date +%s) - started )) -gt 120 ]; then echo "no popular products from the demo sales: $popular"; tail -50 "$log"; exit 1; fi
  sleep 1
done
laptop='{"query":"{ product(slug: \"lenovo-thinkpad-x1-carbon-gen-12-16gb-ram-512gb-ssd\") { name alsoBought(first: 4) { name } } }"}'
until bought=$(gql "$laptop") && echo "$bought" | grep -q 'MX Master 3S'; do
  if [ $(( $(date +%s) - started )) -gt 120 ]; then echo "no alsoBought from the demo sales: $bought"; tail -50 "$log"; exit 1; fi
  sleep 1
done
echo "from the demo history: $popular; $bought" | cut -c1-300
admin=$(gql '{"query":"mutation { logIn(email: \"admin@techally.local\", password: \"techally-owner-password\") { accessToken } }"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
month="{\"query\":\"{ salesReport(from: \\\"$(date -u -d '-30 days' +%F)\\\", to: \\\"$(date -u +%F)\\\", granularity: MONTH) { rows { ordersPaid } } }\"}"
until sales=$(gql "$month" "$admin") && echo "$sales" | grep -Eq '"ordersPaid":[1-9]'; do
  if [ $(( $(date +%s) - started )) -gt 120 ]; then echo "no sales in the last 30 days: $sales"; tail -50 "$log"; exit 1; fi
  sleep 1
done
echo "sales of the last 30 days: $sales"

email="smoke-$RANDOM@example.com"
signup=$(gql "{\"query\":\"mutation { signUp(input: { email: \\\"$email\\\", password: \\\"a long smoke password\\\", name: \\\"Smoke\\\" }) { accessToken } }\"}")
login=$(gql "{\"query\":\"mutation { logIn(email: \\\"$email\\\", password: \\\"a long smoke password\\\") { accessToken } }\"}")
token=$(echo "$login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "signUp/logIn failed: $signup $login"; exit 1; }
me=$(gql '{"query":"{ me { email } }"}' "$token")
echo "$me" | grep -q "$email" || { echo "me failed: $me"; exit 1; }
echo "signUp → logIn → me: $me"

# The SDK's mobile-style example (clients/sdk/examples), through the SDK alone: sign up, browse, check out with
# 4242…, follow the order live to PAID — against this embedded start, as a newcomer would run it.
example=$(GRAPHQL_URL="$url" pnpm --silent --filter @techally/sdk example) || { echo "$example"; echo "the SDK's mobile example failed"; tail -50 "$log"; exit 1; }
echo "$example"

# The notifications learned the order from the events alone and emailed its receipt: without SMTP_URL, as an .eml
# file under $DATA_DIR/mail (subgraphs/notifications/README.md, *Delivery*). Its subject names the order's number.
number=$(echo "$example" | sed -n 's/^✔ \(TA-[0-9]*\) PAID.*/\1/p')
[ -n "$number" ] || { echo "no order number in the example's output"; exit 1; }
receipt=""
waited=$(date +%s)
until receipt=$(grep -l -s -e "^Subject: Order $number paid" "$DATA_DIR"/mail/*.eml | head -1) && [ -n "$receipt" ] && grep -q "Total:" "$receipt"; do
  if [ $(( $(date +%s) - waited )) -gt 30 ]; then echo "no receipt of $number under $DATA_DIR/mail:"; ls -l "$DATA_DIR/mail" 2>&1; tail -50 "$log"; exit 1; fi
  sleep 0.5
done
echo "receipt of $number: $(basename "$receipt")"

kill -TERM $pid
for _ in $(seq 1 20); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
if kill -0 $pid 2>/dev/null; then echo "did not stop within 10 s of SIGTERM"; cat "$log"; exit 1; fi
wait $pid && echo "stopped cleanly" || { code=$?; echo "exit code $code after SIGTERM"; cat "$log"; exit 1; }
