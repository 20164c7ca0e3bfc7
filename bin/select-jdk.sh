# Sourced by ./earshot and .ci/run: export JAVA_HOME pointing at a JDK >= 21.
# Honours an existing JAVA_HOME when it is new enough; otherwise looks in the usual places.
earshot_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}
earshot_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/java-2[1-9]-* /usr/lib/jvm/jdk-2[1-9]* /opt/java/openjdk "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent/bin/java)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(earshot_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "earshot: no JDK 21 or newer found. Install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME." >&2
  return 1
}
earshot_select_jdk
