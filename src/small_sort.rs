//! A stable insertion sort for the short lists the engine sorts at run time (a handful of documents,
//! categories or routes).
//!
//! Why not `slice::sort`: each type it sorts adds about 2.7 KB of code to the wasm a citizen
//! downloads (issue 6), and these lists never hold more than a dozen items. (Tried in issue 16: a bit
//! set of codes for the documents and categories and a sorted insertion of the routes instead; the
//! wasm grew by 0.15 KB brotli, so this stays. Rule loading, at build time, uses the standard sort.)

/// Sorts `v` by `key`, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Same order as the standard library's stable sort, equal keys included.
        #[test]
        fn sorts_like_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            super::sort_by_key(&mut ours, |x| x.0);
            let mut std = v;
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }
    }
}
