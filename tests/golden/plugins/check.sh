# plugins check and plugins list: what a library is, or why it cannot be used.
build=$(dirname "$(dirname "$PLANTRACK")")
fixtures=$build/tests/plugins/lib
mkdir libs
for f in good wrong_abi not_plugin missing_factory throwing; do cp "$fixtures/$f.so" libs/; done
# Built against an older boundary (ABI 1; this ABI with another layout): refused from the file, and
# never loaded (they abort if they are).
for f in old_layout_1 old_layout_2; do cp "$build/tests/plugins/hostile/$f.so" libs/; done
chmod 755 libs/*.so
run() { "$PLANTRACK" "$@" 2>&1 | sed "s|$build|BUILD|g; s|sha256: [0-9a-f]*|sha256: (hash)|"; echo "[exit ${PIPESTATUS[0]}]"; }
run plugins check libs/good.so
run plugins check libs/wrong_abi.so
run plugins check libs/not_plugin.so
run plugins check libs/missing_factory.so
run plugins check libs/old_layout_1.so
run plugins check libs/old_layout_2.so
chmod 777 libs/throwing.so
run plugins check libs/throwing.so
chmod 755 libs/throwing.so
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
printf '\n[[plugin]]\nname = "outbox"\n\n[[plugin]]\nname = "digest"\n' >> plan.toml
run --plugin-path libs plugins list plan.toml
