# Helpers sourced by the bench scripts.

# median VALUE...: the middle value (the lower middle one of an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
