//! Web Locks (`navigator.locks`): one tab at a time for what must not run
//! in two tabs at once. Where a browser has none, the work runs as it is.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `navigator.locks`, where the browser has it.
pub fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Run `work` while holding the exclusive lock `name` across every tab of
/// this origin: a second tab's call waits until the first one's is done.
pub async fn exclusively<T: 'static>(name: &str, work: impl Future<Output = T> + 'static) -> T {
    let slot: Rc<RefCell<Option<T>>> = Rc::new(RefCell::new(None));
    let work = Rc::new(RefCell::new(Some(work)));
    let requested = lock_manager().and_then(|locks| {
        let (slot, work) = (slot.clone(), work.clone());
        let granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            let work = work.borrow_mut().take();
            wasm_bindgen_futures::future_to_promise(async move {
                if let Some(work) = work {
                    let done = work.await;
                    *slot.borrow_mut() = Some(done);
                }
                Ok(JsValue::UNDEFINED)
            })
            .into()
        });
        let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
            .ok()?
            .dyn_into()
            .ok()?;
        request
            .call2(&locks, &name.into(), &granted)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    if let Some(promise) = requested {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    if let Some(done) = slot.borrow_mut().take() {
        return done;
    }
    // No Web Locks here (or the request failed before it ran the work).
    let work = work.borrow_mut().take();
    match work {
        Some(work) => work.await,
        None => unreachable!("the lock ran the work and kept what it gave"),
    }
}
