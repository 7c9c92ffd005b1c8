//! The framework's floor: the smallest Yew app that renders and answers a click, built with the same
//! profile and wasm-opt level as the checker, so `cargo xtask loadbench` can say how far the checker
//! is from what Yew itself costs.

#[cfg(target_arch = "wasm32")]
mod app {
    use yew::prelude::*;

    #[function_component(Counter)]
    pub fn counter() -> Html {
        let count = use_state(|| 0u32);
        let onclick = {
            let count = count.clone();
            Callback::from(move |_| count.set(*count + 1))
        };
        html! {
            <main>
                <h1>{ "Counter" }</h1>
                <button type="button" {onclick}>{ "+1" }</button>
                <p>{ *count }</p>
            </main>
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<app::Counter>::new().render();
}
