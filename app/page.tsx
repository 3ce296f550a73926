export default function HomePage() {
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-semibold">Audit Trail Explorer</h1>
    </main>
  );
}
