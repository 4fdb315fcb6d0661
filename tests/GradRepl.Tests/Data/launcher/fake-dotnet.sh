#!/usr/bin/env bash
# Stands in for `dotnet publish` in LauncherTests: records each call in $FAKE_DOTNET_DIR/calls.log (kind of build,
# niceness, session, arguments), prints what MSBuild prints at minimal verbosity, takes $FAKE_DOTNET_SECONDS, and
# makes an output directory whose `gradrepl` says which build it is. Kinds listed in $FAKE_DOTNET_FAIL fail instead.
set -u
calls="$FAKE_DOTNET_DIR/calls.log"
out= kind=plain
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -o) out="${args[i + 1]}" ;;
    -p:PublishReadyToRunComposite=true) kind=composite ;;
    -p:PublishReadyToRun=true) if [ "$kind" != composite ]; then kind=framework; fi ;;
  esac
done
half=$(awk -v s="${FAKE_DOTNET_SECONDS:-1}" 'BEGIN { print s / 2 }')
echo "start $kind nice=$(nice) sid=$(ps -o sid= -p $$ | tr -d ' ') $*" >>"$calls"
echo "  Determining projects to restore..."
echo "  Restored $FAKE_DOTNET_DIR/src/GradRepl/GradRepl.csproj (in 12 ms)."
sleep "$half"
echo "  Other -> $FAKE_DOTNET_DIR/bin/Other.dll"
sleep "$half"
case " ${FAKE_DOTNET_FAIL:-} " in
  *" $kind "*)
    echo "Program.cs(1,1): error CS1002: ; expected (the fake $kind build fails)"
    echo "fail $kind" >>"$calls"
    exit 1 ;;
esac
echo "  GradRepl -> $FAKE_DOTNET_DIR/bin/gradrepl.dll"
mkdir -p "$out"
printf '#!/bin/sh\necho "ran the %s build: $*"\n' "$kind" >"$out/gradrepl"
chmod +x "$out/gradrepl"
echo "done $kind" >>"$calls"
