export function WelcomeView() {
  return (
    <div class="page">
      <h1>Welcome to PLAO Lens</h1>
      <p>
        PLAO Lens explains postpartum bone-health words where you read them. On any page, terms such as <em>PLAO</em>,{' '}
        <em>DEXA scan</em> or <em>bisphosphonate</em> are softly highlighted. Rest your pointer on one to see a short,
        plain explanation, where it comes from, and a link to fuller guidance.
      </p>
      <h2>Your privacy</h2>
      <p>
        PLAO Lens sends nothing anywhere. It makes no network requests, has no analytics, and keeps no history of what
        you looked up. Everything it knows ships inside the extension.
      </p>
      <h2>Not medical advice</h2>
      <p>
        PLAO Lens explains words; it cannot diagnose you or choose a treatment. If you have sudden, severe back pain, or
        new numbness between your legs, or trouble controlling your bladder or bowels, seek care now.
      </p>
      <p>
        <a href="guide.html">Read the guidance</a> · <a href="glossary.html">Open the glossary</a>
      </p>
    </div>
  );
}
