# Los textos de Candor (SPEC §9), agrupados por página. Véanse las notas del
# original en inglés (locales/en/app.ftl). Tratamiento: usted.

## En todas partes: la cabecera, el selector de idioma, los avisos

brand = Candor
promise = { " " }— indique si la IA ayudó en la tarea que acaba de hacer. Es anónimo: nada de lo que hay aquí revela quién es usted.
nav-label = Navegación principal
nav-file = Enviar un informe
nav-history = Historial
nav-my-map = Mi mapa
nav-team-map = Mapa del equipo
nav-pilots = Pilotos
language = Idioma
loading-app = Cargando Candor…
page-not-found = Página no encontrada
dismiss = Cerrar
catalog-not-loaded = No se pudo cargar la traducción ({ $language }) ({ $reason }), así que Candor se muestra en inglés. Recargue la página para volver a intentarlo.

## Cuando no se puede usar candor.json

config-error-title = Candor no puede iniciarse: hay un problema con su archivo de configuración
config-error-unreachable = Compruebe su conexión y recargue la página. Si sigue ocurriendo, avise a quien administre Candor aquí.
config-error-missing = Quien administre Candor aquí debe colocar candor.json junto a index.html.
config-error-invalid = Quien administre Candor aquí debe corregir candor.json; el mensaje de arriba indica el campo.
config-error-safe = Los informes ya guardados en este dispositivo están a salvo; no se ha cambiado nada.

## Enviar un informe (el formulario)

form-title = ¿Cómo funcionó la IA en la tarea que acaba de terminar?
form-task = ¿Qué tipo de tarea era?
form-tool = ¿Qué herramienta de IA usó?
form-team = Su equipo
form-more = Más detalles (opcional)
form-effort = ¿Cuánto le costó revisar y corregir lo que produjo la IA?
form-why-tool = ¿Por qué esta herramienta?
form-complexity = La tarea era
outcome-legend = ¿Cómo fue?{ " " }
outcome-hint = Teclas 1–5 y después Intro para guardar
reasons-legend = ¿Por qué no ayudó?{ " " }
reasons-hint = Hasta tres, opcional
mandated-chosen = Decisión propia
mandated-told = Me indicaron que la usara
form-save = Guardar{ " " }
key-enter = Intro
form-saved = Guardado.
form-undo = Deshacer
form-undone = Deshecho: se eliminó ese informe.
form-kept-nowhere = El historial está desactivado en este dispositivo y este despliegue no tiene servidor de sincronización, así que un informe no se guardaría en ningún sitio. Vuelva a activar el historial en Historial para enviar informes.
privacy-note = Solo se registra la semana, nunca el día ni la hora. Su informe no lleva nombre, cuenta ni identificador de dispositivo.
privacy-randomized = { " " }Antes de enviarse, su respuesta se aleatoriza en este dispositivo, de modo que ningún informe por sí solo puede tomarse al pie de la letra.
form-missing-task = Elija primero el tipo de tarea.
form-missing-tool = Elija la herramienta que usó (o Sin IA).
form-missing-outcome = Elija cómo fue: teclas 1–5.
form-saved-not-kept = Guardado para enviarlo, pero no se conservó en su historial: { $error }.
form-not-saved = No se guardó: { $error }.
form-undo-failed = No se pudo deshacer: { $error }.
pilot-not-kept = El informe no se conservó en su historial: { $error }.
link-ignored = El enlace pedía { $field ->
        [task] la tarea
       *[tool] la herramienta
    } «{ $id }», que este despliegue no ofrece; se ha ignorado.

## Historial

history-title = Historial
history-lede = Sus propios informes, guardados solo en este navegador.
history-off = El historial está desactivado en este dispositivo: los informes que envíe no se guardan aquí.
history-keep = Guardar el historial en este dispositivo
history-export = Exportar como JSON
history-import = Importar JSON…
history-erase = Borrar todo…
history-stop = No guardar el historial en este dispositivo…
history-erase-yes = Sí, borrar
history-cancel = Cancelar
history-empty = No hay informes guardados en este dispositivo.
history-count = { $count ->
        [one] { $count } informe
       *[other] { $count } informes
    }, de la semana más reciente a la más antigua.
history-erase-question = { $count ->
        [one] ¿Borrar el único informe guardado en este dispositivo?
       *[other] ¿Borrar los { $count } informes guardados en este dispositivo?
    } No se puede deshacer. Si quiere una copia, exporte primero.
history-stop-question = ¿Dejar de guardar el historial aquí? { $count ->
        [0] Los informes nuevos no se guardarán.
        [one] Se borrará el único informe guardado en este dispositivo y los nuevos no se guardarán. Si quiere una copia, exporte primero.
       *[other] Se borrarán los { $count } informes guardados en este dispositivo y los nuevos no se guardarán. Si quiere una copia, exporte primero.
    }
history-erased = Borrado: no hay informes guardados en este dispositivo.
history-erase-failed = No se pudo borrar: { $error }.
history-unreadable-file = No se pudo leer el archivo.
history-import-failed = No se importó nada: { $error }.
history-export-failed = Falló la exportación: { $error }
history-imported = { $added ->
        [one] Se importó { $added } informe nuevo
       *[other] Se importaron { $added } informes nuevos
    }; { $duplicates ->
        [one] { $duplicates } ya estaba aquí
       *[other] { $duplicates } ya estaban aquí
    }; { $rejected ->
        [one] { $rejected } rechazado
       *[other] { $rejected } rechazados
    }.
history-import-entry = Entrada { $entry }: { $error }
history-import-result = Resultado de la importación
sync-panel = Envío al mapa del equipo
sync-all-sent = Se han enviado todos los informes registrados aquí.
sync-waiting = { $count ->
        [one] { $count } informe pendiente de envío.
       *[other] { $count } informes pendientes de envío.
    } Los informes salen tras un retraso aleatorio, en lotes mezclados, así que la hora a la que llegan no dice nada de cuándo los registró.
sync-retrying = { $count ->
        [one] { $count } informe pendiente
       *[other] { $count } informes pendientes
    }: { $reason }. Candor lo volverá a intentar; no se pierde nada.
sync-waiting-token = { $count ->
        [one] { $count } informe a la espera de un token: { $reason }. Se queda aquí y saldrá en cuanto llegue un token; no se pierde nada.
       *[other] { $count } informes a la espera de un token: { $reason }. Se quedan aquí y saldrán en cuanto llegue un token; no se pierde nada.
    }
sign-in-again = Volver a iniciar sesión
not-accepted-title = Rechazados por el servidor
not-accepted = Rechazado por el servidor: { $reason }
send-again = Reenviar estos informes
sent-again = { $count ->
        [one] { $count } informe en cola para reenviarse.
       *[other] { $count } informes en cola para reenviarse.
    }
send-again-failed = No se pudieron volver a poner en cola: { $error }.
no-ai = Sin IA
retired = { $label } (ya no disponible)
told-to-use-it = por indicación
delivery-waiting = { " " }— pendiente de envío
delivery-waiting-token = { " " }— a la espera de un token
delivery-sent = { " " }— enviado
delivery-rejected = { " " }— rechazado: { $reason }

## Mi mapa

my-map-title = Mi mapa
my-map-lede = Dónde le ha servido la IA en su propio trabajo, por tipo de tarea. Solo usted ve esto.
my-map-empty-start = Aún no hay informes en este dispositivo.{ " " }
my-map-empty-link = Envíe uno
my-map-empty-end = { " " }y su mapa empezará a llenarse.
my-map-count = { $count ->
        [one] { $count } informe
       *[other] { $count } informes
    } en este dispositivo.{ " " }
my-map-read = Compare cada herramienta con la columna «Sin IA» de la izquierda.

## Mapa del equipo

team-title = Mapa del equipo
team-no-sync = Este despliegue no tiene servidor de sincronización, así que no hay mapa del equipo. Sus propios informes están en Mi mapa.
team-loading = Cargando el mapa del equipo…

## Los filtros del mapa del equipo

## Una celda del mapa del equipo, abierta

## El mapa de calor (Mi mapa y Mapa del equipo)

## Pilotos

pilots-title = Pilotos
pilots-loading = Cargando pilotos…

## Avisos sobre los datos de este dispositivo y por qué esperan los informes (Historial)

history-unreadable = Candor no puede leer el historial de este dispositivo: { $error }.
history-entries-aside = { $count ->
        [one] No se pudo leer { $count } informe guardado (problema: { $error }). Se guardó aparte con la clave «{ $key }»; el resto de su historial está bien.
       *[other] No se pudieron leer { $count } informes guardados (primer problema: { $error }). Se guardaron aparte con la clave «{ $key }»; el resto de su historial está bien.
    }
history-entries-lost = { $count ->
        [one] No se pudo leer { $count } informe guardado ni guardarlo aparte: { $error }.
       *[other] No se pudieron leer { $count } informes guardados ni guardarlos aparte: { $error }.
    }
history-aside = No se pudo leer su historial guardado ({ $error }). Se guardó aparte, intacto, con la clave «{ $key }», y Candor empezó un historial nuevo.
history-not-aside = No se pudo leer su historial guardado ({ $error }) ni guardarlo aparte ({ $aside }). Sigue almacenado con la clave «{ $key }»: expórtelo desde las herramientas para desarrolladores del navegador antes de enviar un informe, o el próximo informe lo sustituirá.
prefs-aside = No se pudieron leer sus preferencias guardadas ({ $error }); se guardaron aparte con la clave «{ $key }» y se restablecieron.
outbox-entries-aside = { $count ->
        [one] No se pudo leer { $count } informe pendiente de envío; se guardó aparte con la clave «{ $key }».
       *[other] No se pudieron leer { $count } informes pendientes de envío; se guardaron aparte con la clave «{ $key }».
    }
outbox-aside = No se pudieron leer los informes pendientes de envío ({ $error }). Se guardaron aparte, intactos, con la clave «{ $key }».
outbox-not-aside = No se pudieron leer los informes pendientes de envío ({ $error }) ni guardarlos aparte ({ $aside }).
sync-unreachable = no se pudo contactar con el servidor de sincronización ({ $error })
sync-not-understood = no se entendió la respuesta del servidor de sincronización
sync-http = el servidor de sincronización respondió HTTP { $status }
tokens-fetching = obteniendo tokens
tokens-sign-in = su sesión ha caducado; vuelva a iniciar sesión para obtener tokens
tokens-proof-invalid = los tokens del servidor no se pudieron verificar con su clave publicada, así que no se conservó ninguno (avise a su administrador)
tokens-unavailable = { $why }; Candor lo volverá a intentar

no-ai-description = Hecho sin IA
catalog-unreachable = no se pudo contactar con el servidor
catalog-status = el servidor respondió HTTP { $status }
catalog-other-version = se hizo para otra versión de Candor

## Las respuestas cerradas de un informe (formulario, historial)

outcome-much-worse = Mucho peor
outcome-worse = Me frenó
outcome-no-difference = Sin diferencia
outcome-better = Ayudó
outcome-much-better = Ayudó mucho
effort-low = Poca revisión
effort-medium = Algo de revisión
effort-high = Mucha revisión y corrección
complexity-routine = Rutinaria
complexity-complex = Compleja
reason-checking = Revisar el resultado llevó mucho tiempo
reason-context = A la herramienta le faltaba contexto
reason-wrong = El resultado era incorrecto o poco fiable
reason-redo = Tuve que rehacerlo yo
reason-friction = Lenta, averiada o un estorbo
