# Sourced by ops/run and ops/test: puts the .NET SDK on PATH and a running PostgreSQL behind
# ConnectionStrings__GovReport (the runtime role) and ConnectionStrings__GovReportOwner (the owner,
# which migrates). A ConnectionStrings__GovReport already set is kept as it is, owner or not.
ops_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$ops_dir/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet was not found on PATH)." >&2
  exit 1
fi
if [ -z "${ConnectionStrings__GovReport:-}" ]; then
  db_setup_output="$("$ops_dir/db-setup")"
  while IFS='=' read -r name value; do
    case "$name" in
      ConnectionStrings__GovReport|ConnectionStrings__GovReportOwner) export "$name=$value" ;;
    esac
  done <<< "$db_setup_output"
  unset db_setup_output
fi
export ConnectionStrings__GovReport
