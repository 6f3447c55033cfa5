package io.passivetcp.signature;

import io.passivetcp.http.HttpDuplicateIndex;
import io.passivetcp.http.HttpSignature;
import io.passivetcp.http.HttpSignatureHeaderTable;
import io.passivetcp.http.HttpSignatureParser;
import io.passivetcp.mtu.MtuSignature;
import io.passivetcp.tcp.TcpDuplicateIndex;
import io.passivetcp.tcp.TcpSignature;
import io.passivetcp.tcp.TcpSignatureParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generic p0f.fp grammar (spec §3.1–3.5): lines, sections, {@code classes}, {@code label}, {@code sys},
 * {@code ua_os}. Each {@code sig} line goes to the module that owns its syntax, as p0f's readfp.c hands it to
 * {@code tcp_register_sig}, {@code http_register_sig} or {@code mtu_register_sig}. One instance per load.
 */
final class DatabaseParser {
    private enum State { NEED_SECTION, NEED_LABEL, NEED_SYS, NEED_SIG }

    private enum Section { MTU, TCP_REQUEST, TCP_RESPONSE, HTTP_REQUEST, HTTP_RESPONSE }

    private final String source;
    private int lineNo;
    private State state = State.NEED_SECTION;
    private Section section;

    final List<String> classes = new ArrayList<>();
    final NameTable names = new NameTable();
    final List<Label> labels = new ArrayList<>();
    final List<UserAgentOs> uaOs = new ArrayList<>();
    final List<MtuSignature> mtu = new ArrayList<>();
    final List<TcpSignature> tcpRequest = new ArrayList<>();
    final List<TcpSignature> tcpResponse = new ArrayList<>();
    final List<HttpSignature> httpRequest = new ArrayList<>();
    final List<HttpSignature> httpResponse = new ArrayList<>();
    final HttpSignatureHeaderTable headers = HttpSignatureHeaderTable.withBuiltIns();
    /** The specific sigs of each section, indexed for duplicate detection (spec §3.9). */
    private final TcpDuplicateIndex tcpRequestSpecifics = new TcpDuplicateIndex();
    private final TcpDuplicateIndex tcpResponseSpecifics = new TcpDuplicateIndex();
    private final HttpDuplicateIndex httpRequestSpecifics = new HttpDuplicateIndex();
    private final HttpDuplicateIndex httpResponseSpecifics = new HttpDuplicateIndex();
    int signatureCount;

    /** Current tcp/http label; a {@code sys} line replaces it with a copy carrying the entries. */
    private Label label;
    /** Current [mtu] label (the link name). */
    private String mtuLink;

    DatabaseParser(String source) {
        this.source = source;
    }

    /** Walks the text line by line as p0f's read_config does. */
    void parse(String text) throws SignatureSyntaxException {
        String body = cutAtFirstNul(text);
        int start = 0;
        while (true) {
            lineNo++;
            int eol = body.indexOf('\n', start);
            int end = eol < 0 ? body.length() : eol;
            int first = start;
            while (first < end && LineCursor.isBlank(body.charAt(first))) {
                first++;
            }
            if (first < end && body.charAt(first) != ';') {
                try {
                    parseLine(body.substring(first, end)); // no trailing trim: "\r" and trailing blanks stay (§3.1)
                } catch (SignatureSyntaxException e) {
                    throw body.charAt(end - 1) == '\r' ? windowsLineEnding(e) : e;
                }
            }
            if (eol < 0) {
                return;
            }
            start = eol + 1;
        }
    }

    /** p0f reads the file as a C string, so nothing after a NUL byte exists for it. */
    private static String cutAtFirstNul(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    private void parseLine(String line) throws SignatureSyntaxException {
        if (line.charAt(0) == '[') {
            parseSectionHeader(line.substring(1));
        } else {
            parseStatement(line);
        }
    }

    private void parseSectionHeader(String afterBracket) throws SignatureSyntaxException {
        if (afterBracket.equals("mtu]")) {
            enterSection(Section.MTU);
            return;
        }
        int colon = afterBracket.indexOf(':');
        if (colon < 0) {
            throw error("malformed section header (expected [mtu], [tcp:...] or [http:...])");
        }
        String module = afterBracket.substring(0, colon);
        String direction = afterBracket.substring(colon + 1);
        if (!module.equals("tcp") && !module.equals("http")) {
            throw error("unrecognized fingerprinting module '" + module + "'");
        }
        boolean request = direction.equals("request]");
        if (!request && !direction.equals("response]")) {
            throw error("unrecognized traffic direction '" + direction + "' (expected request] or response])");
        }
        if (module.equals("tcp")) {
            enterSection(request ? Section.TCP_REQUEST : Section.TCP_RESPONSE);
        } else {
            enterSection(request ? Section.HTTP_REQUEST : Section.HTTP_RESPONSE);
        }
    }

    private void enterSection(Section s) {
        section = s;
        state = State.NEED_LABEL;
    }

    /** {@code name = value}: name is letters/underscores, blanks around '=' are skipped, the value is verbatim. */
    private void parseStatement(String line) throws SignatureSyntaxException {
        int nameEnd = 0;
        while (nameEnd < line.length() && (LineCursor.isAlpha(line.charAt(nameEnd)) || line.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        int eq = nameEnd;
        while (eq < line.length() && LineCursor.isBlank(line.charAt(eq))) {
            eq++;
        }
        if (eq == 0 || eq >= line.length() || line.charAt(eq) != '=') {
            throw error("unexpected statement (expected a [section] or 'name = value')");
        }
        int valueStart = eq + 1;
        while (valueStart < line.length() && LineCursor.isBlank(line.charAt(valueStart))) {
            valueStart++;
        }
        String name = line.substring(0, nameEnd);
        dispatch(name, new LineCursor(source, lineNo, line.substring(valueStart)));
    }

    private void dispatch(String name, LineCursor value) throws SignatureSyntaxException {
        switch (name) {
            case "classes" -> {
                if (state != State.NEED_SECTION) {
                    throw error("misplaced 'classes' (only allowed before the first section)");
                }
                parseClasses(value);
            }
            case "ua_os" -> {
                if (state != State.NEED_LABEL || section != Section.HTTP_REQUEST) {
                    throw error("misplaced 'ua_os' (only allowed in [http:request] before its first label)");
                }
                parseUaOs(value);
            }
            case "label" -> {
                requireState(name, state == State.NEED_LABEL || state == State.NEED_SIG);
                parseLabel(value);
            }
            case "sys" -> {
                requireState(name, state == State.NEED_SYS);
                parseSys(value);
                state = State.NEED_SIG;
            }
            case "sig" -> {
                requireState(name, state == State.NEED_SIG);
                parseSig(value);
            }
            default -> throw error("unrecognized field '" + name + "'");
        }
    }

    /** The state machine of spec §3.2 for label/sys/sig. */
    private void requireState(String statement, boolean allowed) throws SignatureSyntaxException {
        if (allowed) {
            return;
        }
        String why = switch (state) {
            case NEED_SECTION -> "no section yet";
            case NEED_SYS -> "an application ('!') label must be followed by its 'sys' line";
            case NEED_LABEL, NEED_SIG -> statement.equals("sys")
                    ? "'sys' may only follow an application ('!') label"
                    : "no label yet in this section";
        };
        throw error("misplaced '" + statement + "' (" + why + ")");
    }

    /** {@code classes = win,unix,other} (§3.3); may repeat, each line appends. */
    private void parseClasses(LineCursor c) throws SignatureSyntaxException {
        while (!c.atEnd()) {
            skipBlanksAndCommas(c);
            String cls = c.readWhile(LineCursor::isAlnum);
            if (cls.isEmpty() || (!c.atEnd() && c.peek() != ',')) {
                throw c.error("malformed class entry (classes are letters and digits, separated by commas)");
            }
            classes.add(cls);
        }
    }

    private static void skipBlanksAndCommas(LineCursor c) {
        while (LineCursor.isBlank(c.peek()) || c.peek() == ',') {
            c.skip(1);
        }
    }

    /** Class lookup is case-insensitive, first declaration wins; -1 when unknown. */
    private int classId(String name) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code label = type:class:name:flavor} (§3.4); in [mtu] the whole value is the link name. */
    private void parseLabel(LineCursor c) throws SignatureSyntaxException {
        if (section == Section.MTU) {
            mtuLink = c.rest();
            if (mtuLink.isEmpty()) {
                throw c.error("empty MTU label");
            }
            state = State.NEED_SIG;
            return;
        }
        char type = c.peek();
        if ((type != 's' && type != 'g') || c.peek(1) != ':') {
            throw c.error("malformed label type (expected 's:' or 'g:')");
        }
        c.skip(2);
        String cls = c.readWhile(ch -> LineCursor.isAlnum(ch) || ch == '!');
        if (cls.isEmpty() || c.peek() != ':') {
            throw c.error("malformed class in label (expected '!' or a class name, then ':')");
        }
        int classId = cls.equals("!") ? Label.APPLICATION_CLASS : classId(cls);
        if (classId == -1 && !cls.equals("!")) {
            throw c.error("unknown class '" + cls + "'");
        }
        c.skip(1);
        String name = c.readWhile(LineCursor::isNameChar);
        if (name.isEmpty() || c.peek() != ':') {
            throw c.error("malformed name in label (letters, digits and \"" + LineCursor.NAME_CHARS + "\", then ':')");
        }
        c.skip(1);
        int nameId = names.intern(name);
        label = new Label(labels.size() + 1, type == 'g', classId, nameId, names.get(nameId), c.rest(), List.of());
        labels.add(label);
        state = classId == Label.APPLICATION_CLASS ? State.NEED_SYS : State.NEED_SIG;
    }

    /** {@code sys = @class,Name,...} (§3.5); unknown names are created. */
    private void parseSys(LineCursor c) throws SignatureSyntaxException {
        List<SysEntry> entries = new ArrayList<>();
        while (!c.atEnd()) {
            skipBlanksAndCommas(c);
            boolean isClass = c.skipIf('@');
            String name = c.readWhile(LineCursor::isNameChar);
            if (name.isEmpty() || (!c.atEnd() && c.peek() != ',')) {
                throw c.error("malformed sys entry (expected @class or a name, separated by commas)");
            }
            if (isClass) {
                int id = classId(name);
                if (id < 0) {
                    throw c.error("unknown class '" + name + "'");
                }
                entries.add(new SysEntry(true, id));
            } else {
                entries.add(new SysEntry(false, names.intern(name)));
            }
        }
        label = label.withSys(entries);
        labels.set(labels.size() - 1, label);
    }

    /** {@code ua_os = Name[=[substring]],...} (§3.8). */
    private void parseUaOs(LineCursor c) throws SignatureSyntaxException {
        while (!c.atEnd()) {
            String name = c.readWhile(LineCursor::isNameChar);
            if (name.isEmpty()) {
                throw c.error("malformed system name in ua_os");
            }
            int id = names.intern(name);
            String substring = names.get(id);
            if (c.peek() == '=') {
                if (c.peek(1) != '[') {
                    throw c.error("missing '[' after '=' in ua_os");
                }
                c.skip(2);
                substring = c.readWhile(ch -> ch != ']');
                if (substring.isEmpty() || c.atEnd()) {
                    throw c.error("malformed ua_os substring (expected non-empty '=[...]')");
                }
                c.skip(1);
            }
            uaOs.add(new UserAgentOs(substring, id, names.get(id)));
            c.skipIf(','); // p0f tolerates a missing comma after "=[...]"
        }
    }

    private void parseSig(LineCursor c) throws SignatureSyntaxException {
        switch (section) {
            case MTU -> mtu.add(MtuSignature.parse(c, mtuLink));
            case TCP_REQUEST -> TcpSignatureParser.register(tcpRequest, tcpRequestSpecifics, c, label);
            case TCP_RESPONSE -> TcpSignatureParser.register(tcpResponse, tcpResponseSpecifics, c, label);
            case HTTP_REQUEST -> HttpSignatureParser.register(httpRequest, httpRequestSpecifics, c, label, headers);
            case HTTP_RESPONSE -> HttpSignatureParser.register(httpResponse, httpResponseSpecifics, c, label, headers);
        }
        signatureCount++;
    }

    /** p0f refuses Windows line endings too; nothing else in the message would show the carriage return. */
    private static SignatureSyntaxException windowsLineEnding(SignatureSyntaxException e) {
        return new SignatureSyntaxException(e.file(), e.line(), e.reason() + "; the line ends in a carriage return "
                + "(Windows line endings, which p0f refuses too: convert the file, e.g. dos2unix)");
    }

    private SignatureSyntaxException error(String reason) {
        return new SignatureSyntaxException(source, lineNo, reason);
    }
}
