/**
 * graphql-js writes the offending value into the messages of variable coercion and literal validation:
 * `Variable "$input" got invalid value { email: "…", password: "…" }; Field "x" is not defined by type "T".`
 * A client gets its own password back in clear, and every log that keeps the message keeps the password
 * (issue #9, item 12). These rewrite such messages to name the variable, the path and the problem — never
 * the value. Messages of any other shape are returned unchanged.
 */

const VARIABLE_COERCION = /^Variable "(\$[_A-Za-z][_0-9A-Za-z]*)" got invalid value [^]*?(?: at "([^"]+)")?; ([^]*)$/;
const LITERAL_OF_WRONG_TYPE = /^Expected value of type "([^"]+)", found [^]*$/;
const SCALAR_CANNOT_REPRESENT = /^((?:String|Int|Float|Boolean|ID) cannot represent [^:]*?)(?::[^]*)?$/;

/** Problems graphql-js describes with schema names only: kept as they are (their first sentence). */
const STRUCTURAL_PROBLEMS = [
  /^Field "[^"]+" is not defined by type "[^"]+"\./,
  /^Field "[^"]+" of required type "[^"]+" was not provided\./,
  /^Expected type "[^"]+" to be an object\./,
];
const ENUM_VALUE = /^Value "[^]*" does not exist in "([^"]+)" enum\./;
const EXPECTED_TYPE = /^Expected type "([^"]+)"\./;

export function withoutInputValues(message: string): string {
  const coercion = VARIABLE_COERCION.exec(message);
  if (coercion) {
    const [, variable, path, problem = ''] = coercion;
    return `Variable "${variable}" got an invalid value${path ? ` at "${path}"` : ''}; ${describeProblem(problem)}`;
  }
  const literal = LITERAL_OF_WRONG_TYPE.exec(message);
  if (literal) return `Expected value of type "${literal[1]}"; the value given does not fit it.`;
  const scalar = SCALAR_CANNOT_REPRESENT.exec(message);
  if (scalar) return `${scalar[1]}.`;
  return message;
}

function describeProblem(problem: string): string {
  for (const pattern of STRUCTURAL_PROBLEMS) {
    const match = pattern.exec(problem);
    if (match) return match[0];
  }
  const enumValue = ENUM_VALUE.exec(problem);
  if (enumValue) return `The value is not one of the "${enumValue[1]}" enum's values.`;
  const scalar = SCALAR_CANNOT_REPRESENT.exec(problem);
  if (scalar) return `${scalar[1]}.`;
  const expected = EXPECTED_TYPE.exec(problem);
  if (expected) return `Expected type "${expected[1]}".`;
  // A custom scalar's own wording may quote the value anywhere: say only that it does not fit.
  return 'The value does not fit the type.';
}
