#!/usr/bin/env python3
"""Moves the test helpers from package io.github.jaxrscors to io.github.jaxrscors.support.

    python3 src/test/move-helpers.py          # from the project root; then mvn -B verify

Re-runnable: run it again after merging a branch whose tests still use the helpers by their old
names in io.github.jaxrscors, or that added members to a helper. It
  - git-moves each helper of HELPERS still under src/test/java/io/github/jaxrscors to .../support,
    sets its package, and makes it and its package-private members public (private ones stay);
  - rewrites every reference to io.github.jaxrscors.<Helper> (imports, static imports, class names
    in strings such as @EnabledIf) under the source roots of ROOTS to io.github.jaxrscors.support;
  - adds `import io.github.jaxrscors.support.<Helper>;` to each file of package io.github.jaxrscors
    that uses a helper by its simple name, and `import io.github.jaxrscors.<Type>;` to each support
    file that uses a library type by its simple name;
  - sorts the import blocks as Checkstyle's ImportOrder wants them, and drops imports no longer used.
A helper that reads package-private library code cannot move: it is not in HELPERS (see BRIDGES).
Members it cannot make public (fields of nested classes) are reported by the compiler: add `public`.
"""
import os
import re
import subprocess
import sys

BASE = "io.github.jaxrscors"
SUPPORT = BASE + ".support"
ROOTS = ["src/test/java", "src/bench/java"]
OLD_DIR = "src/test/java/io/github/jaxrscors"
NEW_DIR = OLD_DIR + "/support"

# The helpers that move: they use the library's public API only.
HELPERS = [
    "BrowserPages", "ConflictException", "CorsMatchers", "HeadlessChromium", "HttpRuntime", "InProcess", "Invocations",
    "KeepAliveConnection", "KeptDecisions", "LayerResources", "LogCapture", "MeterCounters", "PlainResource", "RawHttp",
    "RawUpgrade", "Reply", "SourcesProbe", "StartedHandler", "TestOrigins", "UsersResource", "WebSocketEndpoints",
    "WebSocketRuntime",
]
# The helpers that stay in io.github.jaxrscors: each calls package-private engine code.
BRIDGES = {
    "Decisions": "calls CorsProcessor and PolicyResolver and builds CorsPolicy, CorsDecision and ServerOrigin (package-private)",
}

TYPE_DECL = re.compile(r"^(\s*)((?:@\w+(?:\([^)]*\))?\s+)*)((?:static |final |abstract |sealed |strictfp )*)"
                       r"(class|record|enum|interface|@interface)\s+(\w+)", re.M)


def java_files():
    for root in ROOTS:
        for directory, _, names in os.walk(root):
            for name in names:
                if name.endswith(".java"):
                    yield os.path.join(directory, name)


def library_public_types():
    types = set()
    for name in os.listdir("src/main/java/io/github/jaxrscors"):
        if name.endswith(".java"):
            text = open(os.path.join("src/main/java/io/github/jaxrscors", name), encoding="utf-8").read()
            if re.search(r"^public (?:final |abstract )*(?:class|interface|enum|record|@interface) " + re.escape(name[:-5]) + r"\b",
                         text, re.M):
                types.add(name[:-5])
    return types


def strip_comments_and_strings(text):
    """The code alone: comments, string and character literals and text blocks blanked."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            i = n if j < 0 else j + 3
            out.append('""')
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            out.append('""')
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def javadoc_references(text):
    names = set()
    for comment in re.findall(r"/\*\*.*?\*/", text, re.S):
        names.update(re.findall(r"(?:\{@link(?:plain)?|@see|@throws)\s+([A-Z]\w*)", comment))
    return names


def uses(text, name):
    code = strip_comments_and_strings(re.sub(r"^(?:package|import) [^;]*;", "", text, flags=re.M))
    return re.search(r"(?<![\w.])" + re.escape(name) + r"\b", code) is not None or name in javadoc_references(text)


def declares(text, name):
    return re.search(r"\b(?:class|record|enum|interface)\s+" + re.escape(name) + r"\b", text) is not None


def package_of(text):
    m = re.search(r"^package ([\w.]+);", text, re.M)
    return m.group(1) if m else ""


def fix_imports(text, wanted):
    """Adds `wanted` imports, drops single-type imports whose simple name is unused, sorts the block."""
    lines = text.split("\n")
    imports = [l for l in lines if l.startswith("import ")]
    if not imports and not wanted:
        return text
    first = next((k for k, l in enumerate(lines) if l.startswith("import ")), None)
    if first is None:
        first = next(k for k, l in enumerate(lines) if l.startswith("package ")) + 1
        lines[first:first] = [""]
        first += 1
    last = max((k for k, l in enumerate(lines) if l.startswith("import ")), default=first - 1)
    body = "\n".join(lines[:first] + lines[last + 1:])
    static, regular = set(), set()
    for imp in set(imports) | {"import " + w + ";" for w in wanted}:
        target = imp[len("import "):-1].strip()
        is_static = target.startswith("static ")
        target = target[len("static "):] if is_static else target
        simple = target.rsplit(".", 1)[1]
        own_package = not is_static and target.rsplit(".", 1)[0] == package_of(text)
        if own_package or (simple != "*" and not uses(body, simple)):
            continue
        (static if is_static else regular).add(target)
    block = ["import static " + s + ";" for s in sorted(static)]
    if static and regular:
        block.append("")
    block += ["import " + r + ";" for r in sorted(regular)]
    rest = lines[last + 1:]
    while rest and rest[0] == "":
        rest = rest[1:]
    head = lines[:first]
    while head and head[-1] == "" and len(head) > 1 and head[-2] == "":
        head = head[:-1]
    return "\n".join(head + block + ([""] if block else []) + rest)


METHOD = re.compile(r"^(\s+)((?:static |final |abstract |synchronized |default )*)(?:<[^>]+> )?"
                    r"(?:[A-Z][\w.]*(?:<.*>)?|int|long|boolean|void|double|float|char|byte|short)(?:\[\])* \w+\([^=]*$")
CONSTRUCTOR = re.compile(r"^(\s+)[A-Z]\w*\([^=]*$")
FIELD = re.compile(r"^    ((?:static |final |volatile |transient )*)(?:[A-Z][\w.]*(?:<.*>)?|int|long|boolean|double|float|char|byte|short)"
                   r"(?:\[\])* \w+( =|;)")
ACCESS = re.compile(r"^\s*(?:public|private|protected)\b")
STATEMENT = re.compile(r"^\s*(?:return|throw|new|else|case|yield|assert|package|import)\b")


def promote(text):
    """Makes the file's types and their package-private members public: declarations at the
    class-body indentation of 4 (members of the top-level type) or 8 spaces (methods and
    constructors of nested types), and every @Override method."""
    out, previous = [], ""
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        new = line
        if not ACCESS.match(line) and not STATEMENT.match(line) and line.strip() and not line.strip().startswith(("@", "*", "/")):
            decl = TYPE_DECL.match(line)
            if decl and indent in (0, 4, 8) and not decl.group(2):
                new = line[:indent] + "public " + line[indent:]
            elif indent in (4, 8) and (METHOD.match(line) or CONSTRUCTOR.match(line) and not line.rstrip().endswith(");")):
                new = line[:indent] + "public " + line[indent:]
            elif indent == 4 and FIELD.match(line):
                new = line[:indent] + "public " + line[indent:]
            elif previous.strip() == "@Override" and METHOD.match(line):
                new = line[:indent] + "public " + line[indent:]
        out.append(new)
        previous = line
    return "\n".join(out)


def main():
    if not os.path.isdir(OLD_DIR):
        sys.exit("run from the project root")
    os.makedirs(NEW_DIR, exist_ok=True)
    for helper in HELPERS:
        old, new = os.path.join(OLD_DIR, helper + ".java"), os.path.join(NEW_DIR, helper + ".java")
        if os.path.exists(old):
            subprocess.run(["git", "mv", old, new], check=True)
            text = open(new, encoding="utf-8").read()
            text = text.replace("package " + BASE + ";", "package " + SUPPORT + ";", 1)
            open(new, "w", encoding="utf-8").write(promote(text))
    moved = [h for h in HELPERS if os.path.exists(os.path.join(NEW_DIR, h + ".java"))]
    public = library_public_types()
    qualified = re.compile(re.escape(BASE) + r"\.(" + "|".join(map(re.escape, moved)) + r")\b")
    for path in java_files():
        text = open(path, encoding="utf-8").read()
        original = text
        text = qualified.sub(SUPPORT + r".\1", text)
        package = package_of(text)
        wanted = set()
        if package == SUPPORT:
            text = promote(text)
            for name in public:
                if uses(text, name) and not declares(text, name):
                    wanted.add(BASE + "." + name)
        elif package == BASE:
            # Elsewhere a helper was reached through an import of its qualified name, rewritten above.
            for name in moved:
                if uses(text, name) and not declares(text, name):
                    wanted.add(SUPPORT + "." + name)
        if text != original or wanted:
            text = fix_imports(text, wanted)
        if text != original:
            open(path, "w", encoding="utf-8").write(text)
            print("updated", path)
    for name, why in BRIDGES.items():
        print("stays in " + BASE + ": " + name + " (" + why + ")")


if __name__ == "__main__":
    main()
