package io.steward.bench.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options as {@code --name value} (or {@code --name=value}) over defaults. */
final class Options {

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  /** Parses the arguments; an option without a default is an error. */
  static Options parse(String[] args, Map<String, String> defaults) {
    Map<String, String> values = new LinkedHashMap<>(defaults);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("not an option: " + arg);
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; options: " + defaults);
      }
      values.put(name, value);
    }
    return new Options(values);
  }

  String get(String name) {
    return values.get(name);
  }

  int getInt(String name) {
    return Integer.parseInt(values.get(name));
  }

  long getLong(String name) {
    return Long.parseLong(values.get(name));
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
