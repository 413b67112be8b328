# shellcheck shell=bash
# Shared by the container scripts in this folder (sourced, not run): messages, the choice of
# container engine and the flags this kind of machine needs, and reading base images from a Dockerfile.

say() { printf '[%s] %s\n' "${0##*/}" "$*"; }

fail() {
  printf '[%s] FAIL: %s\n' "${0##*/}" "$*" >&2
  exit 1
}

# Docker when its daemon answers, Podman otherwise; CONTAINER_ENGINE=docker|podman forces one.
# Sets ENGINE (the command and its global flags), LIMIT_FLAGS (for every container a build or a
# run starts) and READ_ONLY_FLAGS (a read-only root filesystem and nothing writable added to it).
# shellcheck disable=SC2034 # the three arrays are read by the scripts that source this file
select_container_engine() {
  local wanted=${CONTAINER_ENGINE:-}
  case "$wanted" in
    "" | docker | podman) ;;
    *) fail "CONTAINER_ENGINE='$wanted' is not supported; use docker, podman or leave it unset" ;;
  esac
  if [[ $wanted != podman ]] && command -v docker >/dev/null 2>&1 \
    && timeout 20 docker info >/dev/null 2>&1; then
    ENGINE=(docker)
    LIMIT_FLAGS=()
    READ_ONLY_FLAGS=(--read-only)
  elif [[ $wanted == docker ]]; then
    fail "CONTAINER_ENGINE=docker but no Docker daemon answers 'docker info'"
  elif command -v podman >/dev/null 2>&1; then
    # crun and Podman's default ulimits are refused in sandboxes like this one; runc with
    # limits below the host's hard limits is accepted everywhere Podman runs.
    ENGINE=(podman --runtime runc)
    LIMIT_FLAGS=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
    # Podman mounts writable tmpfs on /tmp, /run and /var/tmp under --read-only unless told not
    # to; Fargate adds only the volumes the task definition names, so a write elsewhere must fail.
    READ_ONLY_FLAGS=(--read-only --read-only-tmpfs=false)
  else
    fail "no container engine: install Docker (with a running daemon) or Podman (apt-get install -y podman runc)"
  fi
}

# The build arguments BuildKit predefines for a build on this linux/amd64 machine and Podman 4.3's builder
# leaves undefined in FROM lines and RUN steps: app/Dockerfile's build stage runs on BUILDPLATFORM and
# compares BUILDARCH with TARGETARCH to tell a cross build from a native one. Sets BUILDKIT_ARG_FLAGS.
# shellcheck disable=SC2034 # read by the scripts that source this file
set_buildkit_arg_flags() {
  BUILDKIT_ARG_FLAGS=()
  if [[ ${ENGINE[0]} == podman ]]; then
    BUILDKIT_ARG_FLAGS=(--build-arg BUILDPLATFORM=linux/amd64 --build-arg BUILDARCH=amd64)
  fi
}

# Every stand-in base image carries this label; its value says what the image really is.
readonly STANDIN_LABEL=io.fargate-service.stand-in

# True when IMAGE exists and is a stand-in made by make-standin-bases.sh.
is_standin() {
  local value
  value=$("${ENGINE[@]}" image inspect --format "{{index .Config.Labels \"$STANDIN_LABEL\"}}" "$1" 2>/dev/null) || return 1
  [[ -n $value && $value != "<no value>" ]]
}

# Prints the base image of every stage of DOCKERFILE that is not itself a stage, one per line,
# in order of appearance, each once; stage names resolve to their base. ARG defaults declared
# before the first FROM are substituted, as the builder does.
dockerfile_base_images() {
  _dockerfile_from_images "$1" all
}

# Prints the external base image the final stage of DOCKERFILE builds on (its runtime base).
dockerfile_final_base_image() {
  _dockerfile_from_images "$1" final
}

# Prints each external base image of DOCKERFILE with the platform it is used for, "IMAGE PLATFORM" per
# line: BUILD_PLATFORM for stages that run on the builder's platform (FROM --platform=$BUILDPLATFORM),
# TARGET_PLATFORM for the others. Usage: dockerfile_base_platforms DOCKERFILE TARGET_PLATFORM BUILD_PLATFORM
dockerfile_base_platforms() {
  _dockerfile_from_images "$1" platforms | awk -v target="$2" -v build="$3" \
    '$1 != "scratch" { line = $1 " " ($2 == "build" ? build : target); if (!seen[line]++) print line }'
}

_dockerfile_from_images() {
  local dockerfile=$1 mode=$2 line keyword image alias role seen_from=false
  local -A global_args=() stage_base=() stage_role=()
  local -a bases=() roles=()
  while read -r line || [[ -n $line ]]; do
    read -r keyword _ <<<"$line"
    case "${keyword^^}" in
      ARG)
        if [[ $seen_from == false && $line =~ ^[Aa][Rr][Gg][[:space:]]+([A-Za-z_][A-Za-z0-9_]*)=\"?([^\"[:space:]]*)\"? ]]; then
          # shellcheck disable=SC2034 # read through the nameref in _substitute_args
          global_args[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
        fi
        ;;
      FROM)
        seen_from=true
        local -a words
        read -r -a words <<<"$line"
        image="" alias="" role=target
        local i
        for ((i = 1; i < ${#words[@]}; i++)); do
          if [[ ${words[i]} =~ ^--platform=\$\{?BUILDPLATFORM\}?$ ]]; then role=build; fi
          if [[ ${words[i]} == --* ]]; then continue; fi
          if [[ -z $image ]]; then
            image=${words[i]}
          elif [[ ${words[i],,} == as ]]; then
            alias=${words[i + 1],,}
            break
          fi
        done
        image=$(_substitute_args "$image" global_args)
        if [[ -n ${stage_base[${image,,}]:-} ]]; then
          role=${stage_role[${image,,}]}
          image=${stage_base[${image,,}]}
        fi
        if [[ -n $alias ]]; then
          stage_base[$alias]=$image
          stage_role[$alias]=$role
        fi
        bases+=("$image")
        roles+=("$role")
        ;;
    esac
  done < <(sed -e ':join' -e '/\\$/{N;s/\\\n//;b join' -e '}' "$dockerfile")
  ((${#bases[@]} > 0)) || fail "$dockerfile has no FROM line"
  if [[ $mode == final ]]; then
    printf '%s\n' "${bases[-1]}"
  elif [[ $mode == platforms ]]; then
    for i in "${!bases[@]}"; do printf '%s %s\n' "${bases[i]}" "${roles[i]}"; done
  else
    printf '%s\n' "${bases[@]}" | awk '$0 != "scratch" && !seen[$0]++'
  fi
}

# Replaces $NAME and ${NAME} in TEXT by the values in the associative array named ARGS_NAME.
_substitute_args() {
  local text=$1 name
  local -n args=$2
  for name in "${!args[@]}"; do
    text=${text//\$\{$name\}/${args[$name]}}
    text=${text//\$$name/${args[$name]}}
  done
  printf '%s' "$text"
}
