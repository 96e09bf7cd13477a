#!/usr/bin/env bash
# The PortSIP GitOps pipeline's steps, one subcommand each, so the GitHub Actions workflows stay
# thin and the same steps run anywhere (and in this repository's acceptance tests):
#
#   pipeline.sh plan    terraform plan -out=tfplan, portsip guard on it; writes the pull-request
#                       comment (Markdown) to $COMMENT_FILE. Exit 0 ok, 3 guard stopped it, 1 error.
#   pipeline.sh apply   terraform apply of the saved tfplan (never a fresh -auto-approve).
#   pipeline.sh drift   portsip drift: Markdown, SARIF and JUnit into $REPORT_DIR, the Markdown
#                       also into $GITHUB_STEP_SUMMARY. Exit 0 no drift, 2 drift, 1 error.
#
# Settings (environment):
#   TF_DIR            the Terraform root module (default: infra)
#   PORTSIP_VERSION   the portsip CLI version to run; it installs the provider of the same version (default: 0.1.0)
#   PORTSIP           how to run the portsip CLI (default: npx from the npm package)
#   PORTSIP_HOME      where `portsip provider install` puts the mirror (default: $RUNNER_TEMP/portsip)
#   GUARD_ARGS        extra `portsip guard` arguments, e.g. "--protect portsip_tenant"
#   PORTSIP_GUARD_ALLOW=1   let a plan that breaks the guard's limits through (a reviewed exception)
#   PORTSIP_ENDPOINT, PORTSIP_USERNAME, PORTSIP_PASSWORD, TF_VAR_*: the provider's and your config's
set -euo pipefail

TF_DIR=${TF_DIR:-infra}
PORTSIP_VERSION=${PORTSIP_VERSION:-0.1.0}
PORTSIP=${PORTSIP:-npx --yes --package=terraform-provider-portsip@${PORTSIP_VERSION} portsip}
PORTSIP_HOME=${PORTSIP_HOME:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/portsip}
COMMENT_FILE=${COMMENT_FILE:-portsip-comment.md}
REPORT_DIR=${REPORT_DIR:-portsip-reports}
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

# The one place that decides where the provider comes from. Today: `portsip provider install`
# builds a local filesystem mirror and a Terraform CLI config pointing at it. Once the provider
# is published to a registry, delete the install line and keep only `terraform init` (with
# `source`/`version` in required_providers), nothing else in the pipeline changes.
install_provider() {
  # shellcheck disable=SC2086 # PORTSIP is a command line
  $PORTSIP provider install --dir "$PORTSIP_HOME" >/dev/null
  export TF_CLI_CONFIG_FILE="$PORTSIP_HOME/terraform.rc"
  terraform -chdir="$TF_DIR" init -input=false -no-color >/dev/null
}

portsip() {
  # shellcheck disable=SC2086
  $PORTSIP "$@"
}

cmd_plan() {
  install_provider
  terraform -chdir="$TF_DIR" plan -input=false -no-color -lock-timeout=5m -out=tfplan >/dev/null
  terraform -chdir="$TF_DIR" show -no-color tfplan >plan.txt
  local allow=() code=0
  [ "${PORTSIP_GUARD_ALLOW:-}" = 1 ] && allow=(--allow)
  # shellcheck disable=SC2086 # GUARD_ARGS is a list of arguments
  portsip guard --dir "$TF_DIR" --plan "$TF_DIR/tfplan" --format markdown --out guard.md ${GUARD_ARGS:-} "${allow[@]}" || code=$?
  [ "$code" -eq 0 ] || [ "$code" -eq 3 ] || return "$code"
  {
    echo '<!-- portsip-plan -->'
    cat guard.md
    echo
    echo '<details><summary>terraform plan</summary>'
    echo
    echo '```'
    # A comment holds 65,536 characters: keep the plan's end, where its summary is.
    if [ "$(wc -c <plan.txt)" -gt 55000 ]; then echo '... (cut; the whole plan is in the job log)'; tail -c 55000 plan.txt; else cat plan.txt; fi
    echo '```'
    echo '</details>'
  } >"$COMMENT_FILE"
  cat plan.txt guard.md
  return "$code"
}

cmd_apply() {
  install_provider
  [ -f "$TF_DIR/tfplan" ] || { echo "pipeline.sh apply: no saved plan at $TF_DIR/tfplan (run pipeline.sh plan first)" >&2; return 1; }
  terraform -chdir="$TF_DIR" apply -input=false -no-color -lock-timeout=5m tfplan
}

cmd_drift() {
  install_provider
  local code=0
  portsip drift --dir "$TF_DIR" --format markdown,sarif,junit --out-dir "$REPORT_DIR" || code=$?
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$REPORT_DIR/portsip-drift.md" ]; then
    cat "$REPORT_DIR/portsip-drift.md" >>"$GITHUB_STEP_SUMMARY"
  fi
  return "$code"
}

case "${1:-}" in
  plan | apply | drift) "cmd_$1" ;;
  *)
    echo "usage: pipeline.sh plan|apply|drift" >&2
    exit 1
    ;;
esac
