/** (Skeleton, issue #12.) */
export function SignInPage() {
  return <h1>SignIn</h1>;
}
