/**
 * Parsing the JSON text of a scenario file. On a syntax error, jsonc-parser (strict settings:
 * no comments, no trailing commas) locates the first problem, reported as one line with its
 * line and column.
 */
import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { InputError, problem } from "../errors.js";

/** Parse JSON text; throws InputError (source `file`) on a syntax error. */
export function parseJson(textIn: string, file?: string): unknown {
  try {
    return JSON.parse(textIn);
  } catch {
    const errors: ParseError[] = [];
    parseTree(textIn, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first === undefined) throw new InputError(problem("", "not valid JSON"), file);
    const before = textIn.slice(0, first.offset);
    const line = before.split("\n").length;
    const col = first.offset - before.lastIndexOf("\n");
    const reason = JSON_ERRORS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error);
    throw new InputError(problem("", `not valid JSON at line ${line}, column ${col}: ${reason}`), file);
  }
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a field name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' (or a closing bracket)",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "unexpected text after the end of the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "invalid number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};
