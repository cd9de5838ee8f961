# El espacio de pilotos en la página «Informar» (SPEC §10). Véanse las notas
# del original en inglés (locales/en/pilot-desk.ftl).

## El espacio

heading = Pilotos
privacy-hint = La participación se guarda solo en este dispositivo. No se envía nada hasta que termine una tarea, y entonces solo el informe de esa tarea.
pilot-randomized = — un ensayo aleatorizado: para cada tarea, una moneda en este dispositivo dice si con IA o sin ella.
pilot-chosen = — usted elige la herramienta para cada tarea, como siempre.
join = Unirme
leave = Salir
join-pilot = Unirme a { $pilot }
leave-pilot = Salir de { $pilot }
catalog-failed = Los pilotos se muestran en inglés: no se pudo cargar su traducción ({ $language }) ({ $reason ->
        [unreachable] no se pudo contactar con el servidor
        [status] el servidor respondió HTTP { $status }
       *[other] se hizo para otra versión de Candor
    }).

## Empezar una tarea

start-heading = Empezar una tarea del piloto
pilot-legend = Piloto
task-legend = Tarea
forecast-legend = ¿Cuánto tardará, a su manera habitual?
start = Empezar
join-first = Únase primero a un piloto y elíjalo.
choose-task-and-forecast = Elija la tarea y cuánto espera que tarde; después, Empezar.
instruction = { $arm ->
        [ai] Haga esta con IA
        [no_ai] Haga esta sin IA
       *[none] Hágala como siempre
    }
started = Empezada. { $arm ->
        [ai] Haga esta con IA
        [no_ai] Haga esta sin IA
       *[none] Hágala como siempre
    }. Queda abajo hasta que la termine.

## Duraciones

minutes = { $minutes } min
hours = { $hours } h
hours-minutes = { $hours } h { $minutes }

## Tareas abiertas

open-heading = Tareas del piloto abiertas
open-task-about = { $task } · previsto { $forecast } · { $pilot }
pilot-ended = Este piloto ha terminado: la tarea solo se puede descartar
finish = Terminar
drop = Descartar
finish-task = Terminar: { $task }
drop-task = Descartar: { $task }
dropped = Descartada.

## Terminar una tarea

actual-legend = ¿Cuánto tardó?
tool-legend = ¿Qué herramienta usó?
no-ai = Sin IA
against-coin = Eso no es lo que dijo la moneda; indique lo que usó de verdad. Sigue contando en el brazo de la moneda.
outcome-legend = ¿Cómo fue? (teclas 1–5)
outcome-much-worse = Mucho peor
outcome-slowed-me = Me frenó
outcome-no-difference = Sin diferencia
outcome-helped = Ayudó
outcome-helped-a-lot = Ayudó mucho
file-report = Enviar informe
not-now = Ahora no
choose-open-task = Elija una tarea para terminar.
choose-actual = Elija cuánto tardó.
choose-tool = Elija la herramienta que usó (o Sin IA).
choose-outcome = Elija cómo fue: teclas 1–5.
filed = Registrado.
filed-sent = Se envía junto con sus otros informes.
undo = Deshacer
undone = Deshecho: la tarea vuelve a estar abierta.

## Errores

not-filed = No registrado: { $reason }
undo-failed = No se pudo deshacer: { $reason }
not-kept = No se pudo guardar en el dispositivo ({ $reason }); se mantiene hasta que se cierre la página.
no-storage = este navegador no ofrece almacenamiento local
no-reason = la aplicación no dijo por qué
load-failed = No se pudieron cargar los pilotos: { $reason }. Recargue la página para volver a intentarlo.
no-window = no hay ventana
config-status = candor.json respondió { $status }
config-not-json = candor.json no es un JSON válido
config-bad-week = el `{ $field }` de un piloto no es una semana
