#!/usr/bin/env bash
# Remakes the start-up profile src/GradRepl/ReadyToRun/startup.mibc (issue 6; see bench/README.md, "Start-up").
# 1. Publishes the tool as GRADREPL_BUILD=framework ./gradrepl does (per-assembly ReadyToRun), but without the
#    profile, into a scratch directory. That build leaves more to the JIT than the default composite one (whose
#    version bubble holds the framework's generics over Roslyn's types), so its list serves both builds.
# 2. Runs what a learner runs with DOTNET_JitDisasmSummary: a cold one-liner, every lesson cold (each in its own
#    process, then all of them through `check`), a compile error, a runtime error, and the REPL's first snippet.
# 3. Writes every generic instantiation the JIT compiled there into the profile (bench/GradRepl.Bench.StartupProfile).
# 4. With strace installed, also lists the framework assemblies those runs load in
#    src/GradRepl/ReadyToRun/composite-roots.txt: the launcher's composite build precompiles those whole.
# Rerun it when Roslyn, the .NET runtime or the engine's hot paths change, then rebuild (./gradrepl does on its own).
#   bench/startup/make-profile.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) rid=linux-arm64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) echo "make-profile: no ReadyToRun runtime identifier for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gradrepl-profile.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
echo "# publishing without the profile into $WORK/app"
quiet() { "$@" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }; }
quiet dotnet publish src/GradRepl/GradRepl.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -p:GradReplStartupProfile=false --artifacts-path "$WORK/artifacts" -o "$WORK/app" -nologo
quiet dotnet build bench/GradRepl.Bench.StartupProfile -c Release -o "$WORK/tool" -nologo

app="$WORK/app/gradrepl"
mkdir -p "$WORK/jit" "$WORK/out" "$WORK/opens"
# With strace, every run also records the files it opens (for composite-roots.txt).
traced() {
  local name=$1; shift
  if command -v strace >/dev/null; then strace -f -qq -e trace=openat -o "$WORK/opens/$name.txt" "$@"; else "$@"; fi
}
# Each run compiles in its own process with an empty compile cache, as a learner's first run does.
run() {
  local name=$1; shift
  rm -rf "$WORK/cache"
  XDG_CACHE_HOME="$WORK/cache" GRADREPL_COMPILE_SERVER=0 DOTNET_JitDisasmSummary=1 \
    DOTNET_JitStdOutFile="$WORK/jit/$name.txt" traced "$name" "$@" >/dev/null 2>&1 || true
}

printf 'var x = 2.0; print(x * x);\n' >"$WORK/one-line.csx"
printf 'var x = tensor(1.0);\nprint(x.pow(3) +\n' >"$WORK/compile-error.csx"
printf 'var y = tensor(new[] { 1.0, 2.0 }, requires_grad: true).sum();\ny.backward();\ny.backward();\n' >"$WORK/runtime-error.csx"
(cd "$WORK/out" && run one-line "$app" "$WORK/one-line.csx")
(cd "$WORK/out" && run compile-error "$app" "$WORK/compile-error.csx")
(cd "$WORK/out" && run runtime-error "$app" "$WORK/runtime-error.csx")
for lesson in scripts/*.csx; do
  (cd "$WORK/out" && run "lesson-$(basename "$lesson" .csx)" "$app" "$ROOT/$lesson")
done
run check "$app" check scripts/ --out "$WORK/out"
GRADREPL_COMPILE_SERVER=0 DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$WORK/jit/repl.txt" \
  python3 bench/startup/pty_repl.py --prompt '^>[ \r]*$' --snippet 'tensor(2.0).pow(2)' --expect 'tensor(4.)' \
  --enter-at-once -- bash -c "$(declare -f traced); WORK='$WORK'; traced repl '$app'" >/dev/null

"$WORK/tool/GradRepl.Bench.StartupProfile" src/GradRepl/ReadyToRun/startup.mibc "$WORK/app" "$WORK"/jit/*.txt 2>/dev/null

roots=src/GradRepl/ReadyToRun/composite-roots.txt
if compgen -G "$WORK/opens/*.txt" >/dev/null; then
  {
    echo "# Framework assemblies the launcher's composite build precompiles whole (src/GradRepl/ReadyToRun/CompositeRoots.targets):"
    echo "# those a cold lesson, check, an error and the REPL load. Made by bench/startup/make-profile.sh."
    grep -v ENOENT "$WORK"/opens/*.txt | grep -o '/shared/Microsoft\.NETCore\.App/[^/]*/[^/"]*\.dll' \
      | sed 's#.*/##' | LC_ALL=C sort -u
  } >"$roots"
  echo "# wrote $roots ($(grep -vc '^#' "$roots") assemblies)"
else
  echo "# strace not found: $roots left as it was" >&2
fi
