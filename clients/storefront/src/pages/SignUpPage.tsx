/** (Skeleton, issue #12.) */
export function SignUpPage() {
  return <h1>SignUp</h1>;
}
